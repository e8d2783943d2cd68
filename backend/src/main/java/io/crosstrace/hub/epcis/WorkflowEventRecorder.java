package io.crosstrace.hub.epcis;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.epcis.WorkflowEvents.BatchRef;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.security.CurrentActor;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records each step of the audit-to-release workflow as its EPCIS event, in the transaction of the mutation that took
 * the step: both happen or neither. Each method reads what the event needs from the graph by the step's key (the
 * mutation's own writes are visible), builds the event with {@link WorkflowEvents} and hands it to
 * {@link EpcisEventStore} as the signed-in partner, so the event belongs to its organization as if captured.
 */
@Component
public class WorkflowEventRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowEventRecorder.class);

    private final EpcisEventStore store;
    private final GraphReads graph;
    private final Clock clock;

    WorkflowEventRecorder(EpcisEventStore store, GraphReads graph, Clock clock) {
        this.store = store;
        this.graph = graph;
        this.clock = clock;
    }

    /** Codes minted for a batch: commissioning at its premises. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void codesIssued(String gtin, String lot, long codes) {
        graph.one("""
                MATCH (b:Batch {gtin: $gtin, lot: $lot})
                RETURN [(p:Premises)-[:PRODUCED]->(b) | p.gln][0] AS premises, b.productionDate AS produced, b.expiryDate AS expires""",
                Map.of("gtin", gtin, "lot", lot), r -> r).ifPresent(r -> record(List.of(WorkflowEvents.commissioning(now(),
                        text(r.get("premises")), gtin, lot, date(r.get("produced")), date(r.get("expires")), codes))));
    }

    /** An inspection of premises, a batch or a shipment (loading supervision). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void inspectionRecorded(String number) {
        graph.one("""
                MATCH (i:Inspection {number: $number})
                OPTIONAL MATCH (i)-[:OF]->(p:Premises)
                OPTIONAL MATCH (i)-[:OF]->(b:Batch)
                OPTIONAL MATCH (i)-[:OF]->(s:Shipment)
                RETURN i.kind AS kind, i.result AS result, i.performedOn AS performedOn,
                       [(o:Organization)-[:PERFORMED]->(i) | o.gln][0] AS inspector,
                       coalesce(p.gln, [(bp:Premises)-[:PRODUCED]->(b) | bp.gln][0], [(s)-[:DEPARTS_FROM]->(l) | l.gln][0]) AS place,
                       CASE WHEN b IS NULL THEN null ELSE {gtin: b.gtin, lot: b.lot, quantity: i.sampledQuantity} END AS batch,
                       CASE WHEN s IS NULL THEN [] ELSE [(s)-[q:CARRIES]->(x:Batch) | {gtin: x.gtin, lot: x.lot, quantity: q.quantity}] END AS carried""",
                Map.of("number", number), r -> r).ifPresent(r -> {
                    Value batch = r.get("batch");
                    record(List.of(WorkflowEvents.inspecting(when(date(r.get("performedOn"))), text(r.get("kind")), number,
                            "PASS".equals(text(r.get("result"))), text(r.get("place")), batch.isNull() ? null : batchRef(batch),
                            r.get("carried").asList(WorkflowEventRecorder::batchRef), text(r.get("inspector")))));
                });
    }

    /** A traceability certificate issued for a batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void certificateIssued(String number) {
        graph.one("""
                MATCH (c:Certificate {number: $number})-[:CERTIFIES]->(b:Batch)
                RETURN [(o:Organization)-[:ISSUED]->(c) | o.gln][0] AS issuer, [(p:Premises)-[:PRODUCED]->(b) | p.gln][0] AS premises,
                       {gtin: b.gtin, lot: b.lot} AS batch, c.validUntil AS validUntil LIMIT 1""",
                Map.of("number", number), r -> r).ifPresent(r -> record(List.of(WorkflowEvents.certified(now(), number,
                        text(r.get("issuer")), text(r.get("premises")), batchRef(r.get("batch")), date(r.get("validUntil"))))));
    }

    /** A shipment leaving its port of loading. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void shipmentCreated(String number) {
        graph.one("""
                MATCH (s:Shipment {number: $number})
                RETURN s.billOfLading AS bol, s.departedOn AS departed, [(o:Organization)-[:SHIPS]->(s) | o.gln][0] AS shipper,
                       [(s)-[:DEPARTS_FROM]->(l) | l.gln][0] AS from, [(s)-[:BOUND_FOR]->(l) | l.gln][0] AS to,
                       [(s)-[q:CARRIES]->(b:Batch) | {gtin: b.gtin, lot: b.lot, quantity: q.quantity}] AS batches""",
                Map.of("number", number), r -> r).ifPresent(r -> record(List.of(WorkflowEvents.shipping(when(date(r.get("departed"))),
                        number, text(r.get("bol")), text(r.get("shipper")), text(r.get("from")), text(r.get("to")),
                        r.get("batches").asList(WorkflowEventRecorder::batchRef)))));
    }

    /** A consignment's status at the port of arrival (statuses without a port step record nothing). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void consignmentStatusChanged(String declarationNumber, String status) {
        graph.one("""
                MATCH (c:Consignment {declarationNumber: $number})
                RETURN [(o:Organization)-[:IMPORTS]->(c) | o.gln][0] AS importer, [(c)-[:ARRIVES_AT]->(l) | l.gln][0] AS port,
                       [(c)-[q:DECLARES]->(b:Batch) | {gtin: b.gtin, lot: b.lot, quantity: q.quantity}] AS batches""",
                Map.of("number", declarationNumber), r -> r).ifPresent(r -> record(WorkflowEvents.atPort(now(), status,
                        declarationNumber, text(r.get("importer")), text(r.get("port")), r.get("batches").asList(WorkflowEventRecorder::batchRef))));
    }

    /** A recall of batches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recallInitiated(String number) {
        graph.one("""
                MATCH (r:Recall {number: $number})
                RETURN r.initiatorGln AS initiator, [(r)-[:RECALLS]->(b:Batch) | {gtin: b.gtin, lot: b.lot}] AS batches""",
                Map.of("number", number), r -> r).ifPresent(r -> record(List.of(WorkflowEvents.recalled(now(), number,
                        text(r.get("initiator")), r.get("batches").asList(WorkflowEventRecorder::batchRef)))));
    }

    private void record(List<ObjectNode> events) {
        if (events.isEmpty()) {
            return;
        }
        List<EventReceipt> receipts = store.record(events, WorkflowEvents.context(), CurrentActor.require(), null);
        // The mutation already decided the step is the partner's to take; an event its capture rules would refuse
        // is a gap between the two rule sets, worth knowing about, but not worth undoing the step for.
        receipts.stream().filter(r -> r.status() == EventReceipt.Status.REJECTED)
                .forEach(r -> LOG.warn("Workflow event {} not recorded: {}", r.eventId(), r.problem()));
    }

    private Instant now() {
        return clock.instant();
    }

    /** A step dated in the past happened that day (noon UTC, as the hour is not known); today's step happened now. */
    private Instant when(LocalDate day) {
        return day == null || !day.isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC))) ? now()
                : day.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }

    private static BatchRef batchRef(Value v) {
        Value quantity = v.get("quantity");
        return new BatchRef(v.get("gtin").asString(), v.get("lot").asString(), quantity.isNull() ? null : quantity.asLong());
    }

    private static String text(Value v) {
        return v.isNull() ? null : v.asString();
    }

    private static LocalDate date(Value v) {
        return v.isNull() ? null : v.asLocalDate();
    }
}
