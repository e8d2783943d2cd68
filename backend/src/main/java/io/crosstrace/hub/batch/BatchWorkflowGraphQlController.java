package io.crosstrace.hub.batch;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.batch.BatchRegistrationService.BatchCreateInput;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.Outcome;

/** {@code batchCreate}. */
@Controller
class BatchWorkflowGraphQlController {

    record BatchPayload(Batch batch, List<UserError> userErrors) {
    }

    private final BatchRegistrationService registration;

    BatchWorkflowGraphQlController(BatchRegistrationService registration) {
        this.registration = registration;
    }

    @MutationMapping
    BatchPayload batchCreate(@Argument BatchCreateInput input) {
        Outcome<Batch> outcome = registration.create(input);
        return new BatchPayload(outcome.value(), outcome.userErrors());
    }
}
