package io.crosstrace.hub.logistics;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.ConsignmentDeclareInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.ShipmentCreateInput;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;

/** Shipments, consignment declarations and status changes over GraphQL. */
@Controller
class LogisticsWorkflowGraphQlController {

    record ShipmentPayload(Shipment shipment, List<UserError> userErrors) {
    }

    record ConsignmentPayload(Consignment consignment, List<UserError> userErrors) {
        static ConsignmentPayload of(Outcome<Consignment> outcome) {
            return new ConsignmentPayload(outcome.value(), outcome.userErrors());
        }
    }

    record ConsignmentStatusChangeInput(String consignment, String status, String note) {
    }

    private final LogisticsWorkflowService workflow;

    LogisticsWorkflowGraphQlController(LogisticsWorkflowService workflow) {
        this.workflow = workflow;
    }

    @MutationMapping
    ShipmentPayload shipmentCreate(@Argument ShipmentCreateInput input) {
        Outcome<Shipment> outcome = workflow.createShipment(input);
        return new ShipmentPayload(outcome.value(), outcome.userErrors());
    }

    @MutationMapping
    ConsignmentPayload consignmentDeclare(@Argument ConsignmentDeclareInput input) {
        return ConsignmentPayload.of(workflow.declareConsignment(input));
    }

    @MutationMapping
    ConsignmentPayload consignmentStatusChange(@Argument ConsignmentStatusChangeInput input) {
        String number;
        try {
            number = Rules.key(input.consignment(), Consignment.TYPE, "consignment");
        } catch (MutationRejected e) {
            return new ConsignmentPayload(null, e.errors());
        }
        return ConsignmentPayload.of(workflow.changeStatus(number, input.status(), input.note()));
    }
}
