package io.crosstrace.hub.recall;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.epcis.WorkflowEventRecorder;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Numbers;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.webhook.WebhookEventType;
import io.crosstrace.hub.webhook.WebhookEvents;

/**
 * Initiates and closes recalls. From the commit on, the scan page shows a recall banner on every unit of the
 * batches and the resolver's linkset answers gs1:recallStatus with it; partners concerned are told by webhook.
 */
@Service
public class RecallWorkflowService {

    public record RecallInitiateInput(List<String> batches, String reason, String reasonZh, String classification,
                                      String idempotencyKey) {
    }

    static final Set<String> CLASSIFICATIONS = Set.of("CLASS_I", "CLASS_II", "CLASS_III");
    static final int MAX_TEXT = 2000;
    static final int MAX_BATCHES = 500;

    /**
     * Each batch asked for, in input order: whether it exists for this caller (an authority sees all, a producer its
     * own: someone else's batch looks missing) and the number of an active recall it is already under.
     */
    private static final String BATCHES = """
            UNWIND range(0, size($keys) - 1) AS i
            WITH i, $keys[i] AS k
            OPTIONAL MATCH (b:Batch {gtin: k.gtin, lot: k.lot})
            WITH i, b, b IS NOT NULL AND ($r_order OR %s) AS mine
            RETURN i, mine,
                   CASE WHEN mine THEN COLLECT { MATCH (b)<-[:RECALLS]-(r:Recall) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE'
                                                 RETURN r.number ORDER BY r.number LIMIT 1 } ELSE [] END AS active
            ORDER BY i""".formatted(RecallAccess.producedByCaller("b"));

    private static final String CREATE = """
            CREATE (r:Recall {number: $number, reason: $reason, reasonZh: $reasonZh, classification: $classification,
                              status: 'ACTIVE', initiatedAt: $now, initiatedBy: $subject, initiatorGln: $org,
                              voluntary: $voluntary})
            WITH r
            UNWIND $keys AS k
            MATCH (b:Batch {gtin: k.gtin, lot: k.lot})
            CREATE (r)-[:RECALLS]->(b)""";

    /** Who is told: importers that declared the batches, their producers and brand owners, the authorities of the ports. */
    private static final String CONCERNED = """
            UNWIND $keys AS k
            MATCH (b:Batch {gtin: k.gtin, lot: k.lot})
            CALL (b) {
              MATCH (o:Organization)-[:IMPORTS]->(:Consignment)-[:DECLARES]->(b) RETURN o.gln AS gln
              UNION
              MATCH (o:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b) RETURN o.gln AS gln
              UNION
              MATCH (o:Organization)-[:OWNS]->(:Product)<-[:OF_PRODUCT]-(b) RETURN o.gln AS gln
              UNION
              MATCH (o:Organization)-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(:Consignment)-[:DECLARES]->(b) RETURN o.gln AS gln
            }
            RETURN DISTINCT gln ORDER BY gln""";

    /** Reads the recall for the caller and takes its write lock, so two closes of one recall run one after the other. */
    private static final String LOCK_FOR_CLOSE = """
            MATCH (r:Recall {number: $number})
            WHERE %s
            SET r.status = coalesce(r.status, 'ACTIVE')
            RETURN r.status AS status, r.initiatorGln AS initiator""".formatted(RecallAccess.visibleRecall("r"));

    private static final String CLOSE = """
            MATCH (r:Recall {number: $number})
            SET r.status = 'CLOSED', r.closedAt = $now, r.closedBy = $subject, r.note = $note""";

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final RecallService recalls;
    private final WebhookEvents webhooks;
    private final LedgerService ledger;
    private final WorkflowEventRecorder epcis;
    private final Clock clock;

    RecallWorkflowService(Neo4jClient neo4j, Mutations mutations, RecallService recalls, WebhookEvents webhooks,
            LedgerService ledger, WorkflowEventRecorder epcis, Clock clock) {
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.recalls = recalls;
        this.webhooks = webhooks;
        this.ledger = ledger;
        this.epcis = epcis;
        this.clock = clock;
    }

    /**
     * Recalls batches: ordered by a platform administrator or a port inspector for any batch, or voluntarily by
     * the producer of every one of them. A batch the caller may not recall is refused as BATCH_NOT_FOUND, like
     * a missing one, so producers learn nothing about others' lots.
     */
    public Outcome<Recall> initiate(RecallInitiateInput in) {
        Actor actor = CurrentActor.require(RecallAccess.RECALL_ROLES);
        boolean orders = RecallAccess.ordersRecalls(actor);
        return mutations.create("recallInitiate", in.idempotencyKey(), in, () -> {
            require(in.classification() != null && CLASSIFICATIONS.contains(in.classification()), "INVALID_CLASSIFICATION",
                    "A recall is CLASS_I (may cause serious harm), CLASS_II (may cause temporary harm) or CLASS_III (unlikely to harm)",
                    "classification");
            require(in.reason() != null && !in.reason().isBlank(), "REASON_REQUIRED", "Say why the batches are recalled", "reason");
            require(in.reason().length() <= MAX_TEXT, "REASON_TOO_LONG", "At most 2,000 characters", "reason");
            require(in.reasonZh() == null || in.reasonZh().length() <= MAX_TEXT, "REASON_TOO_LONG", "At most 2,000 characters",
                    "reasonZh");
            List<Map<String, Object>> keys = batchKeys(in.batches());
            checkBatches(actor, orders, keys);

            String number = Numbers.next("RCL", LocalDate.now(clock));
            OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC);
            Map<String, Object> p = new HashMap<>();
            p.put("number", number);
            p.put("reason", in.reason().strip());
            p.put("reasonZh", in.reasonZh() == null || in.reasonZh().isBlank() ? null : in.reasonZh().strip());
            p.put("classification", in.classification());
            p.put("now", now);
            p.put("subject", actor.subject());
            p.put("org", actor.organizationGln());
            // Ordered by an authority even when the authority happens to produce too; voluntary only from the producer.
            p.put("voluntary", !orders);
            p.put("keys", keys);
            neo4j.query(CREATE).bindAll(p).run();

            List<String> batchKeys = keys.stream().map(k -> Batch.key((String) k.get("gtin"), (String) k.get("lot"))).toList();
            List<String> concerned = neo4j.query(CONCERNED).bind(keys).to("keys").fetchAs(String.class).all().stream().toList();
            webhooks.publish(WebhookEventType.RECALL_ISSUED, concerned, "Recall:" + number,
                    issuedEvent(number, p, now, keys));
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("batches", batchKeys);
            change.put("classification", in.classification());
            change.put("reason", p.get("reason"));
            change.put("reasonZh", p.get("reasonZh") == null ? "" : p.get("reasonZh"));
            change.put("voluntary", !orders);
            epcis.recallInitiated(number);
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("recall.initiate", "Recall:" + number, change);
            return number;
        }, recalls::recallByNumber);
    }

    /**
     * Closes an active recall: the scan page stops showing it. Platform administrators and port inspectors close
     * any recall they see; a producer closes only the voluntary recalls its organization initiated.
     */
    public Outcome<Recall> close(String number, String note) {
        Actor actor = CurrentActor.require(RecallAccess.RECALL_ROLES);
        return mutations.change(() -> {
            Map<String, Object> p = RecallAccess.parameters(actor);
            p.put("number", number);
            Map<String, Object> row = neo4j.query(LOCK_FOR_CLOSE).bindAll(p).fetch().one()
                    .orElseThrow(() -> new MutationRejected("RECALL_NOT_FOUND", "No such recall", "input", "recall"));
            if (!RecallAccess.ordersRecalls(actor) && !actor.actsFor((String) row.get("initiator"))) {
                throw new MutationRejected("NOT_YOUR_RECALL",
                        "A recall ordered by an authority is closed by the authority", "input", "recall");
            }
            require(Recall.ACTIVE.equals(row.get("status")), "ALREADY_CLOSED", "This recall is closed already", "recall");
            require(note == null || note.length() <= MAX_TEXT, "NOTE_TOO_LONG", "At most 2,000 characters", "note");
            Map<String, Object> close = new HashMap<>();
            close.put("number", number);
            close.put("now", OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS).withOffsetSameInstant(ZoneOffset.UTC));
            close.put("subject", actor.subject());
            close.put("note", note == null || note.isBlank() ? null : note.strip());
            neo4j.query(CLOSE).bindAll(close).run();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", Recall.ACTIVE);
            change.put("to", Recall.CLOSED);
            change.put("note", close.get("note") == null ? "" : close.get("note"));
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("recall.close", "Recall:" + number, change);
            return recalls.recallByNumber(number);
        });
    }

    private void checkBatches(Actor actor, boolean orders, List<Map<String, Object>> keys) {
        Map<String, Object> p = RecallAccess.parameters(actor);
        p.put("keys", keys);
        p.put("r_order", orders);
        for (Map<String, Object> row : neo4j.query(BATCHES).bindAll(p).fetch().all()) {
            int i = ((Number) row.get("i")).intValue();
            String batch = keys.get(i).get("gtin") + "/" + keys.get(i).get("lot");
            if (!(Boolean) row.get("mine")) {
                throw new MutationRejected("BATCH_NOT_FOUND", "No batch " + batch + " that you may recall",
                        "input", "batches", String.valueOf(i));
            }
            @SuppressWarnings("unchecked")
            List<String> active = (List<String>) row.get("active");
            if (!active.isEmpty()) {
                throw new MutationRejected("ALREADY_RECALLED", "Batch " + batch + " is under active recall " + active.getFirst()
                        + "; close it first to issue another", "input", "batches", String.valueOf(i));
            }
        }
    }

    private static List<Map<String, Object>> batchKeys(List<String> ids) {
        require(ids != null && !ids.isEmpty() && ids.size() <= MAX_BATCHES, "BATCHES_REQUIRED",
                "1 to " + MAX_BATCHES + " batches", "batches");
        List<Map<String, Object>> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : ids) {
            String key = Rules.key(id, Batch.TYPE, "batches");
            require(seen.add(key), "DUPLICATE_BATCH", "Each batch appears once", "batches");
            try {
                keys.add(Batch.keyParameters(key));
            } catch (BadInputException e) {
                throw new MutationRejected("INVALID_ID", "Not a global ID of a Batch", "input", "batches");
            }
        }
        return keys;
    }

    /** The webhook body's data: what was recalled and why; receivers query the rest. No personal data. */
    private static Map<String, Object> issuedEvent(String number, Map<String, Object> p, OffsetDateTime now,
            List<Map<String, Object>> keys) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("recall", number);
        data.put("status", Recall.ACTIVE);
        data.put("classification", p.get("classification"));
        data.put("reason", p.get("reason"));
        data.put("reasonZh", p.get("reasonZh"));
        data.put("voluntary", p.get("voluntary"));
        data.put("initiatedAt", now.toInstant().toString());
        data.put("batches", keys);
        return data;
    }
}
