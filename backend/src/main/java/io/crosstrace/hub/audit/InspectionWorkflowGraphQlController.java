package io.crosstrace.hub.audit;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.audit.InspectionRecordingService.InspectionRecordInput;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryService;

/** {@code auditorEngage} and {@code inspectionRecord}. */
@Controller
class InspectionWorkflowGraphQlController {

    record AuditorEngageInput(String auditor) {
    }

    record AuditorEngagePayload(Organization auditor, List<UserError> userErrors) {
    }

    record InspectionPayload(Inspection inspection, List<UserError> userErrors) {
    }

    private final InspectionRecordingService recording;
    private final RegistryService registry;

    InspectionWorkflowGraphQlController(InspectionRecordingService recording, RegistryService registry) {
        this.recording = recording;
        this.registry = registry;
    }

    @MutationMapping
    AuditorEngagePayload auditorEngage(@Argument AuditorEngageInput input) {
        String gln;
        try {
            gln = Rules.key(input.auditor(), Organization.TYPE, "auditor");
        } catch (MutationRejected e) {
            return new AuditorEngagePayload(null, e.errors());
        }
        Outcome<Organization> outcome = recording.engageAuditor(gln);
        return new AuditorEngagePayload(outcome.ok() ? registry.organizationsByGln(List.of(gln)).get(gln) : null,
                outcome.userErrors());
    }

    @MutationMapping
    InspectionPayload inspectionRecord(@Argument InspectionRecordInput input) {
        Outcome<Inspection> outcome = recording.record(input);
        return new InspectionPayload(outcome.value(), outcome.userErrors());
    }
}
