package io.crosstrace.hub.port;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.port.ConsignmentDecisionService.DecideInput;
import io.crosstrace.hub.port.ConsignmentDecisionService.Decided;

/** The port's green lane over GraphQL: {@code portVerification} (a read) and {@code consignmentDecide}. */
@Controller
class PortGraphQlController {

    record ConsignmentDecidePayload(Consignment consignment, Inspection inspection, List<UserError> userErrors) {
    }

    private final PortVerificationService verification;
    private final ConsignmentDecisionService decisions;

    PortGraphQlController(PortVerificationService verification, ConsignmentDecisionService decisions) {
        this.verification = verification;
        this.decisions = decisions;
    }

    @QueryMapping
    PortVerification portVerification(@Argument String consignment, @Argument List<String> codes) {
        return verification.verify(GlobalId.keyOf(consignment, Consignment.TYPE), codes);
    }

    @MutationMapping
    ConsignmentDecidePayload consignmentDecide(@Argument DecideInput input) {
        Outcome<Decided> outcome = decisions.decide(input);
        Decided decided = outcome.value();
        return new ConsignmentDecidePayload(decided == null ? null : decided.consignment(),
                decided == null ? null : decided.inspection(), outcome.userErrors());
    }
}
