package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * EPCIS capture: a whole document in one transaction (the binding's default error behaviour, {@code rollback}: all
 * of its events or none), or one event. Validation comes first and stores nothing; then the events are recorded by
 * {@link EpcisEventStore}, and the job with its receipts is written in a transaction of its own so that it survives
 * a rollback of the events.
 */
@Service
class CaptureService {

    /** Who may capture: every partner that takes part in the chain. Analysts read only. */
    static final Role[] CAPTURERS = {Role.PRODUCER, Role.EXPORTER, Role.LOGISTICS, Role.IMPORTER, Role.AUDITOR,
            Role.INSPECTOR, Role.PLATFORM_ADMIN};

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String SAVE_JOB = """
            CREATE (c:EpcisCapture {id: $id, organization: $organization, capturedBy: $capturedBy, createdAt: $createdAt,
                    finishedAt: $finishedAt, success: $success, captureErrorBehaviour: 'rollback', eventCount: $eventCount,
                    errors: $errors, receipts: $receipts})
            WITH c
            OPTIONAL MATCH (o:Organization {gln: $organization})
            FOREACH (owner IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (owner)-[:CAPTURED]->(c))""";

    private static final String JOB = """
            MATCH (c:EpcisCapture {id: $id}) WHERE $v_admin OR c.organization = $v_org
            RETURN c{.*} AS job""";

    private static final String JOBS = """
            MATCH (c:EpcisCapture) WHERE c.organization = $v_org
            RETURN c{.*} AS job ORDER BY c.createdAt DESC, c.id LIMIT $limit""";

    private final EpcisDocumentValidator validator;
    private final EpcisEventStore store;
    private final CbvValues cbv;
    private final Neo4jClient neo4j;
    private final GraphReads graph;
    private final TransactionTemplate transactions;

    CaptureService(EpcisDocumentValidator validator, EpcisEventStore store, CbvValues cbv, Neo4jClient neo4j,
                   GraphReads graph, PlatformTransactionManager transactionManager) {
        this.validator = validator;
        this.store = store;
        this.cbv = cbv;
        this.neo4j = neo4j;
        this.graph = graph;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
    }

    /** Captures a validated-for-shape document; throws {@link EpcisRequestException} for invalid ones. */
    CaptureJob capture(JsonNode document) {
        Actor actor = CurrentActor.require(CAPTURERS);
        String type = document.path("type").asString("");
        if (!type.equals("EPCISDocument") && !type.equals("EPCISQueryDocument")) {
            throw EpcisRequestException.validation("/type", "POST /epcis/capture takes an EPCISDocument; single events go to POST /epcis/events");
        }
        List<EpcisProblem> problems = validator.validate(document);
        if (!problems.isEmpty()) {
            throw EpcisRequestException.invalid(problems);
        }
        List<JsonNode> events = EventHash.eventsOf(document);
        List<String> hashes = EventHash.ofDocument(document);
        String base = document.path("epcisBody").has("eventList") ? "/epcisBody/eventList/"
                : "/epcisBody/queryResults/resultsBody/eventList/";
        List<EventFacts> facts = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            facts.add(EventFacts.read((ObjectNode) events.get(i), base + i, hashes.get(i), cbv));
        }
        String id = "capture-" + UUID.randomUUID();
        OffsetDateTime createdAt = now();
        List<EventReceipt> receipts = record(facts, document.path("@context"), actor, id);
        List<EpcisProblem> errors = receipts.stream().filter(r -> r.problem() != null).map(EventReceipt::problem).toList();
        CaptureJob job = new CaptureJob(id, createdAt, now(), false, errors.isEmpty(), "rollback", errors, receipts);
        save(job, actor);
        return job;
    }

    /** Captures one event synchronously: its receipt, or a problem (403 when refused, 409 when already stored). */
    EventReceipt captureEvent(JsonNode event) {
        Actor actor = CurrentActor.require(CAPTURERS);
        List<EpcisProblem> problems = validator.validate(event);
        if (!problems.isEmpty()) {
            throw EpcisRequestException.invalid(problems);
        }
        if (!event.path("type").isString() || event.has("epcisBody")) {
            throw EpcisRequestException.validation("/type", "POST /epcis/events takes one event; documents go to POST /epcis/capture");
        }
        EventFacts facts = EventFacts.read((ObjectNode) event, "", EventHash.ofDocument(event).getFirst(), cbv);
        EventReceipt receipt = record(List.of(facts), event.path("@context"), actor, null).getFirst();
        return switch (receipt.status()) {
            case REJECTED -> throw EpcisRequestException.forbidden(List.of(receipt.problem()));
            case DUPLICATE -> throw EpcisRequestException.alreadyExists("/eventID",
                    "An event with this eventID or event hash is stored already: " + receipt.eventId());
            default -> receipt;
        };
    }

    private List<EventReceipt> record(List<EventFacts> facts, JsonNode context, Actor actor, String captureId) {
        JsonNode kept = context.isMissingNode() || context.isNull() ? null : context;
        try {
            return transactions.execute(status -> {
                List<EventReceipt> receipts = store.recordFacts(facts, kept, actor, captureId);
                if (receipts.stream().anyMatch(r -> r.status() == EventReceipt.Status.REJECTED)) {
                    status.setRollbackOnly();
                    return receipts.stream().map(EventReceipt::rolledBack).toList();
                }
                return receipts;
            });
        } catch (DataIntegrityViolationException concurrent) {
            // Another capture stored one of these events between our duplicate check and our write: nothing of this
            // one is stored; capturing it again reports the duplicates.
            List<EventReceipt> receipts = new ArrayList<>();
            for (int i = 0; i < facts.size(); i++) {
                receipts.add(new EventReceipt(i, facts.get(i).storedId(), facts.get(i).hashId(), EventReceipt.Status.REJECTED,
                        new EpcisProblem(facts.get(i).pointer(), EpcisRequestException.ALREADY_EXISTS,
                                "An event of this document was stored concurrently by another capture; capture it again")));
            }
            return receipts;
        }
    }

    private void save(CaptureJob job, Actor actor) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", job.captureID());
        p.put("organization", actor.organizationGln());
        p.put("capturedBy", actor.subject());
        p.put("createdAt", job.createdAt());
        p.put("finishedAt", job.finishedAt());
        p.put("success", job.success());
        p.put("eventCount", job.receipts().size());
        p.put("errors", JSON.writeValueAsString(job.errors()));
        p.put("receipts", JSON.writeValueAsString(job.receipts()));
        transactions.executeWithoutResult(status -> neo4j.query(SAVE_JOB).bindAll(p).run());
    }

    CaptureJob job(String id) {
        Actor actor = CurrentActor.require();
        Map<String, Object> p = new HashMap<>(io.crosstrace.hub.security.Visibility.parameters(actor));
        p.put("id", id);
        return graph.one(JOB, p, r -> toJob(r.get("job").asMap()))
                .orElseThrow(() -> EpcisRequestException.notFound("No capture job " + id + " of your organization"));
    }

    List<CaptureJob> jobs(int limit) {
        Actor actor = CurrentActor.require();
        Map<String, Object> p = new HashMap<>(io.crosstrace.hub.security.Visibility.parameters(actor));
        p.put("limit", limit);
        return graph.list(JOBS, p, r -> toJob(r.get("job").asMap()));
    }

    private static CaptureJob toJob(Map<String, Object> row) {
        return new CaptureJob((String) row.get("id"), dateTime(row.get("createdAt")), dateTime(row.get("finishedAt")),
                false, (Boolean) row.get("success"), (String) row.get("captureErrorBehaviour"),
                JSON.readValue((String) row.get("errors"), new TypeReference<List<EpcisProblem>>() { }),
                JSON.readValue((String) row.get("receipts"), new TypeReference<List<EventReceipt>>() { }));
    }

    private static OffsetDateTime dateTime(Object value) {
        return value instanceof java.time.ZonedDateTime z ? z.toOffsetDateTime() : (OffsetDateTime) value;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
