package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.epcis.WorkflowEvents.BatchRef;
import tools.jackson.databind.node.ObjectNode;

/** Every workflow step's EPCIS event is valid EPCIS 2.0 and identified by its own event hash. */
class WorkflowEventsTest {

    private static final Instant WHEN = Instant.parse("2026-11-02T03:04:05.678Z");
    private static final String PREMISES = Gln.fromDataDigits("939999900001").value();
    private static final String AUDITOR = Gln.fromDataDigits("939999900002").value();
    private static final String MELBOURNE = Gln.fromDataDigits("939999900003").value();
    private static final String PINGTAN = Gln.fromDataDigits("699999900001").value();
    private static final String GTIN = Gtin.fromDataDigits("0939999900001").value();
    private static final BatchRef BATCH = new BatchRef(GTIN, "L2611A/01", 1200L);
    private static EpcisDocumentValidator validator;

    @BeforeAll
    static void schema() {
        validator = new EpcisDocumentValidator();
    }

    @Test
    void each_step_is_a_valid_event_whose_id_is_its_hash() {
        List<ObjectNode> events = new ArrayList<>();
        events.add(WorkflowEvents.commissioning(WHEN, PREMISES, BATCH.gtin(), BATCH.lot(), LocalDate.parse("2026-10-01"),
                LocalDate.parse("2028-04-01"), 2));
        events.add(WorkflowEvents.inspecting(WHEN, "PREMISES_AUDIT", "INS-1", true, PREMISES, null, null, AUDITOR));
        events.add(WorkflowEvents.inspecting(WHEN, "PRE_SHIPMENT_INSPECTION", "INS-2", false, PREMISES, BATCH, null, AUDITOR));
        events.add(WorkflowEvents.inspecting(WHEN, "LOADING_SUPERVISION", "INS-3", true, MELBOURNE, null, List.of(BATCH), AUDITOR));
        events.add(WorkflowEvents.certified(WHEN, "TC-1", AUDITOR, PREMISES, BATCH, LocalDate.parse("2027-10-01")));
        events.add(WorkflowEvents.shipping(WHEN, "SHP-1", "BL-1", AUDITOR, MELBOURNE, PINGTAN, List.of(BATCH)));
        for (String status : List.of("ARRIVED", "UNDER_INSPECTION", "RELEASED", "HELD", "REJECTED")) {
            events.addAll(WorkflowEvents.atPort(WHEN, status, "PT0001", AUDITOR, PINGTAN, List.of(BATCH)));
        }
        events.add(WorkflowEvents.recalled(WHEN, "RCL-1", PINGTAN, List.of(BATCH)));

        assertThat(events).hasSize(12);
        assertThat(validator.validate(WorkflowEvents.document(WHEN, events))).isEmpty();
        for (ObjectNode event : events) {
            ObjectNode withoutId = event.deepCopy();
            withoutId.remove("eventID");
            assertThat(event.get("eventID").asString()).startsWith("ni:///sha-256;")
                    .isEqualTo(EventHash.of(withoutId, Map.of("ct", WorkflowEvents.NAMESPACE)));
        }
        assertThat(events).extracting(e -> e.get("eventID").asString()).doesNotHaveDuplicates();
    }

    @Test
    void the_same_step_gives_the_same_event_and_a_different_finding_another() {
        ObjectNode passed = WorkflowEvents.inspecting(WHEN, "PRE_SHIPMENT_INSPECTION", "INS-2", true, PREMISES, BATCH, null, AUDITOR);
        assertThat(WorkflowEvents.inspecting(WHEN, "PRE_SHIPMENT_INSPECTION", "INS-2", true, PREMISES, BATCH, null, AUDITOR))
                .isEqualTo(passed);
        ObjectNode failed = WorkflowEvents.inspecting(WHEN, "PRE_SHIPMENT_INSPECTION", "INS-2", false, PREMISES, BATCH, null, AUDITOR);
        assertThat(failed.get("disposition").asString()).isEqualTo("non_conformant");
        assertThat(failed.get("eventID")).isNotEqualTo(passed.get("eventID"));
    }

    @Test
    void a_minting_is_one_event_for_the_lot_and_the_number_of_codes() {
        ObjectNode event = WorkflowEvents.commissioning(WHEN, PREMISES, BATCH.gtin(), "L1", null, null, 100_000);

        assertThat(event.get("bizStep").asString()).isEqualTo("commissioning");
        assertThat(event.get("action").asString()).isEqualTo("ADD");
        assertThat(event.get("quantityList").get(0).get("epcClass").asString()).isEqualTo("https://id.gs1.org/01/" + BATCH.gtin() + "/10/L1");
        assertThat(event.get("quantityList").get(0).get("quantity").asLong()).isEqualTo(100_000);
        assertThat(event.get("ilmd").get("cbvmda:lotNumber").asString()).isEqualTo("L1");
    }

    @Test
    void statuses_without_a_port_step_have_no_event() {
        assertThat(WorkflowEvents.atPort(WHEN, "DECLARED", "PT0001", AUDITOR, PINGTAN, List.of(BATCH))).isEmpty();
        assertThat(WorkflowEvents.atPort(WHEN, "IN_TRANSIT", "PT0001", AUDITOR, PINGTAN, List.of(BATCH))).isEmpty();
    }
}
