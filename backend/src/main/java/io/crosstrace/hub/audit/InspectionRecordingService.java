package io.crosstrace.hub.audit;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.epcis.WorkflowEventRecorder;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Numbers;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The inspection body's work abroad: premises audits, label approval, production-date and packaging checks,
 * loading supervision and the pre-shipment inspection. An auditor records inspections only for producers that
 * engaged it, and only in the order the chain requires: no batch inspection before a passing premises audit.
 */
@Service
public class InspectionRecordingService {

    public record InspectionRecordInput(String kind, String premises, String batch, String shipment, String result,
                                        LocalDate performedOn, String findings, Integer sampledQuantity,
                                        String idempotencyKey) {
    }

    /** A passing premises audit stays good for a year. */
    public static final int AUDIT_VALID_DAYS = 365;

    private static final Set<String> BATCH_KINDS = Set.of("LABEL_APPROVAL", "PRODUCTION_CHECK", "PACKAGING_CHECK",
            "PRE_SHIPMENT_INSPECTION");

    /** The latest premises audit of the premises where a batch (or premises) is, up to a day. */
    private static final String LAST_AUDIT = """
            MATCH (m:Premises {gln: $premises})<-[:OF]-(i:Inspection {kind: 'PREMISES_AUDIT'})
            WHERE i.performedOn <= $day
            RETURN i.result AS result, i.performedOn AS performedOn ORDER BY i.performedOn DESC, i.number DESC LIMIT 1""";

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final InspectionService inspections;
    private final LedgerService ledger;
    private final WorkflowEventRecorder epcis;
    private final Clock clock;

    InspectionRecordingService(Neo4jClient neo4j, Mutations mutations, InspectionService inspections, LedgerService ledger, WorkflowEventRecorder epcis,
                               Clock clock) {
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.inspections = inspections;
        this.ledger = ledger;
        this.epcis = epcis;
        this.clock = clock;
    }

    /** A producer engages an inspection body, which may then audit its premises and inspect its batches. */
    public Outcome<Organization> engageAuditor(String auditorGln) {
        Actor actor = CurrentActor.require(Role.PRODUCER);
        return mutations.change(() -> {
            long auditors = Rules.count(neo4j, "MATCH (a:Organization {gln: $gln}) WHERE 'AUDITOR' IN a.roles "
                    + "AND coalesce(a.status, 'APPROVED') = 'APPROVED' RETURN count(a) AS n", Map.of("gln", auditorGln));
            require(auditors == 1, "NOT_AN_AUDITOR", "No approved inspection body with this ID", "auditor");
            neo4j.query("MATCH (p:Organization {gln: $org}), (a:Organization {gln: $auditor}) MERGE (p)-[:ENGAGES]->(a)")
                    .bindAll(Map.of("org", actor.organizationGln(), "auditor", auditorGln)).run();
            ledger.append("auditor.engage", "Organization:" + auditorGln, Map.of("producer", actor.organizationGln()));
            return null;
        });
    }

    public Outcome<Inspection> record(InspectionRecordInput in) {
        Actor actor = CurrentActor.require(Role.AUDITOR);
        return mutations.create("inspectionRecord", in.idempotencyKey(), in, () -> {
            String kind = in.kind();
            require(kind != null && (kind.equals("PREMISES_AUDIT") || kind.equals("LOADING_SUPERVISION") || BATCH_KINDS.contains(kind)),
                    "INVALID_KIND", "Auditors record PREMISES_AUDIT, LABEL_APPROVAL, PRODUCTION_CHECK, PACKAGING_CHECK, "
                            + "LOADING_SUPERVISION or PRE_SHIPMENT_INSPECTION (port verification is the port's)", "kind");
            require("PASS".equals(in.result()) || "FAIL".equals(in.result()), "INVALID_RESULT", "PASS or FAIL", "result");
            LocalDate day = in.performedOn() == null ? LocalDate.now(clock) : in.performedOn();
            require(!day.isAfter(LocalDate.now(clock)), "INVALID_DATE", "An inspection cannot be recorded ahead of time", "performedOn");
            require(in.findings() == null || in.findings().length() <= 5_000, "FINDINGS_TOO_LONG", "At most 5,000 characters", "findings");

            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            String subjectMatch;
            String target;
            if (kind.equals("PREMISES_AUDIT")) {
                String premises = Rules.gln(in.premises(), "premises");
                requireEngaged(actor, "MATCH (m:Premises {gln: $premises})<-[:OPERATES]-(o:Organization)", Map.of("premises", premises),
                        "premises");
                p.put("premises", premises);
                subjectMatch = "MATCH (s:Premises {gln: $premises})";
                target = "Premises:" + premises;
            } else if (kind.equals("LOADING_SUPERVISION")) {
                require(in.shipment() != null, "SHIPMENT_REQUIRED", "Loading supervision is of a shipment", "shipment");
                String shipment = Rules.key(in.shipment(), "Shipment", "shipment");
                requireEngaged(actor, "MATCH (:Shipment {number: $shipment})-[:CARRIES]->(:Batch)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)",
                        Map.of("shipment", shipment), "shipment");
                p.put("shipment", shipment);
                subjectMatch = "MATCH (s:Shipment {number: $shipment})";
                target = "Shipment:" + shipment;
            } else {
                require(in.batch() != null, "BATCH_REQUIRED", kind + " is of a batch", "batch");
                Map<String, Object> key = Batch.keyParameters(Rules.key(in.batch(), Batch.TYPE, "batch"));
                requireEngaged(actor, "MATCH (:Batch {gtin: $gtin, lot: $lot})<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)",
                        key, "batch");
                String premises = neo4j.query("MATCH (m:Premises)-[:PRODUCED]->(:Batch {gtin: $gtin, lot: $lot}) RETURN m.gln AS gln")
                        .bindAll(key).fetchAs(String.class).one().orElseThrow();
                Map<String, Object> audit = neo4j.query(LAST_AUDIT).bindAll(Map.of("premises", premises, "day", day))
                        .fetch().one().orElse(null);
                boolean audited = audit != null && "PASS".equals(audit.get("result"))
                        && !((LocalDate) audit.get("performedOn")).isBefore(day.minusDays(AUDIT_VALID_DAYS));
                require(audited, "PREMISES_NOT_AUDITED", "The batch's premises have no passing premises audit in the "
                        + AUDIT_VALID_DAYS + " days before; audit them first", "batch");
                if (kind.equals("PRE_SHIPMENT_INSPECTION")) {
                    require(in.sampledQuantity() != null && in.sampledQuantity() > 0, "SAMPLE_REQUIRED",
                            "A pre-shipment inspection states the sampled quantity", "sampledQuantity");
                }
                p.putAll(key);
                subjectMatch = "MATCH (s:Batch {gtin: $gtin, lot: $lot})";
                target = "Batch:" + key.get("gtin") + "/" + key.get("lot");
            }
            String number = Numbers.next("INS", day);
            p.put("number", number);
            p.put("kind", kind);
            p.put("result", in.result());
            p.put("day", day);
            p.put("findings", in.findings());
            p.put("sampled", in.sampledQuantity());
            neo4j.query(subjectMatch + """
                    MATCH (o:Organization {gln: $org})
                    CREATE (o)-[:PERFORMED]->(:Inspection {number: $number, kind: $kind, result: $result, performedOn: $day,
                                                         findings: $findings, sampledQuantity: $sampled})-[:OF]->(s)""")
                    .bindAll(p).run();
            epcis.inspectionRecorded(number);
            ledger.append("inspection.record", target, Map.of("inspection", number, "kind", kind, "result", in.result(),
                    "performedOn", day.toString()));
            return number;
        }, number -> inspections.inspectionsByNumber(List.of(number)).get(number));
    }

    /** The subject's producer must have engaged the caller's inspection body. */
    private void requireEngaged(Actor actor, String producerMatch, Map<String, Object> parameters, String field) {
        Map<String, Object> p = new HashMap<>(parameters);
        p.put("org", actor.organizationGln());
        Map<String, Object> row = neo4j.query(producerMatch + """
                 RETURN count(o) > 0 AS found,
                        count(o) > 0 AND all(x IN collect(o) WHERE EXISTS { (x)-[:ENGAGES]->(:Organization {gln: $org}) }) AS engaged""")
                .bindAll(p).fetch().one().orElseThrow();
        if (!(Boolean) row.get("found")) {
            throw new MutationRejected("NOT_FOUND", "No such " + field, "input", field);
        }
        if (!(Boolean) row.get("engaged")) {
            throw new MutationRejected("NOT_ENGAGED", "The producer has not engaged your inspection body for this " + field,
                    "input", field);
        }
    }
}
