package io.crosstrace.hub.code;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.code.CodeIssueRejectedException.Reason;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.batch.BatchRegistrationService;
import io.crosstrace.hub.batch.BatchRegistrationService.BatchStanding;
import io.crosstrace.hub.epcis.WorkflowEventRecorder;
import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Issues new unit codes for a batch: {@code TraceCode} nodes with unguessable serials, linked from the batch,
 * whose quantity grows by as many. A call is all or nothing: one write transaction, sent as UNWIND
 * statements of {@value #CHUNK_SIZE} codes, so a failed call leaves no half-written codes.
 */
@Service
public class CodeMintingService {

    private static final Logger log = LoggerFactory.getLogger(CodeMintingService.class);

    public static final int MAX_CODES_PER_CALL = 100_000;
    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;
    /** How many paths of a call are kept and returned; the rest are read from the batch (labels). */
    public static final int LISTED_PATHS = PageRequest.MAX_PAGE_SIZE;
    static final int CHUNK_SIZE = 10_000;
    static final String STATUS_ACTIVE = "ACTIVE";
    private static final int ATTEMPTS = 3;

    /**
     * Claims the idempotency key. With the uniqueness constraint on {@code CodeIssue.idempotencyKey} a second
     * call with the same key waits here until the first commits, then finds its node. Only a node created
     * by this very transaction lacks {@code firstPaths}: every committed issue has them.
     */
    private static final String CLAIM_KEY = """
            MERGE (i:CodeIssue {idempotencyKey: $key})
              ON CREATE SET i.gtin = $gtin, i.lot = $lot, i.count = $count, i.issuedAt = $issuedAt
            RETURN i{.gtin, .lot, .count, .issuedAt, .firstPaths} AS issue""";

    private static final String RECORD_PATHS = "MATCH (i:CodeIssue {idempotencyKey: $key}) SET i.firstPaths = $paths";

    /** Also takes the batch's write lock, so concurrent issues for one batch add up correctly. */
    private static final String RAISE_QUANTITY = """
            MATCH (b:Batch {gtin: $gtin, lot: $lot})
            SET b.quantity = coalesce(b.quantity, 0) + $count""";

    private static final String TAKEN_SERIALS = """
            UNWIND $serials AS serial
            MATCH (c:TraceCode {gtin: $gtin, serial: serial})
            RETURN c.serial AS serial""";

    private static final String CREATE_CODES = """
            MATCH (b:Batch {gtin: $gtin, lot: $lot})
            UNWIND $codes AS code
            CREATE (b)-[:HAS_UNIT]->(:TraceCode {gtin: $gtin, lot: $lot, serial: code.serial, path: code.path,
                                                 status: $status, issuedAt: $issuedAt})""";

    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;
    private final SerialGenerator serials;
    private final Clock clock;
    private final BatchRegistrationService batchStandings;
    private final LedgerService ledger;
    private final WorkflowEventRecorder epcis;

    CodeMintingService(Neo4jClient neo4j, PlatformTransactionManager transactionManager,
                       BatchRegistrationService batchStandings, LedgerService ledger, WorkflowEventRecorder epcis) {
        this.neo4j = neo4j;
        this.batchStandings = batchStandings;
        this.ledger = ledger;
        this.epcis = epcis;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
        this.serials = new SerialGenerator(new SecureRandom());
        this.clock = Clock.systemUTC();
    }

    /**
     * Issues {@code count} (1 to {@value #MAX_CODES_PER_CALL}) new codes for an existing batch. A retry with the
     * same {@code idempotencyKey} (optional, at most {@value #MAX_IDEMPOTENCY_KEY_LENGTH} characters) returns
     * the first call's result and mints nothing.
     *
     * <p>This is the single entry point for issuing codes (the GraphQL mutation and anything later call it),
     * so it is the one place where the authorization rule of partner security goes.
     *
     * @throws CodeIssueRejectedException count out of range, malformed key, or a key used for another request
     * @throws NotFoundException          no such batch
     */
    public CodeIssue issueCodes(Gtin gtin, LotNumber lot, int count, String idempotencyKey) {
        Actor actor = CurrentActor.require(Role.PRODUCER);
        if (count < 1 || count > MAX_CODES_PER_CALL) {
            throw new CodeIssueRejectedException(Reason.COUNT_OUT_OF_RANGE,
                    "Issue 1 to " + MAX_CODES_PER_CALL + " codes per call (asked for " + count + ")");
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
            throw new CodeIssueRejectedException(Reason.INVALID_IDEMPOTENCY_KEY,
                    "An idempotency key has 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH + " characters, not only blanks");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> mint(actor, gtin, lot, count, idempotencyKey));
            } catch (DataIntegrityViolationException e) {
                // Another transaction committed one of our serials between our check and our write: the whole
                // call was rolled back, so it can simply run again with fresh serials.
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.warn("Issuing codes for {} / {} met a serial taken meanwhile; retrying with fresh serials", gtin, lot);
            }
        }
    }

    private CodeIssue mint(Actor actor, Gtin gtin, LotNumber lot, int count, String key) {
        Map<String, Object> batch = Map.of("gtin", gtin.value(), "lot", lot.value());
        BatchStanding standing = batchStandings.standing(gtin.value(), lot.value())
                .orElseThrow(() -> new NotFoundException("No batch with GTIN " + gtin + " and lot " + lot));
        // Another producer's batch looks the same as a missing one, so its existence is not revealed.
        if (!actor.actsFor(standing.producerGln())) {
            throw new NotFoundException("No batch with GTIN " + gtin + " and lot " + lot);
        }
        if (!standing.approved()) {
            throw new CodeIssueRejectedException(Reason.BATCH_NOT_APPROVED, "The batch's product filing, premises "
                    + "registration or producer registration is not approved; codes are issued for approved batches only");
        }
        OffsetDateTime issuedAt = OffsetDateTime.now(clock);
        if (key != null) {
            Optional<CodeIssue> earlier = claim(key, gtin, lot, count, issuedAt);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Map<String, Object> raise = new HashMap<>(batch);
        raise.put("count", count);
        neo4j.query(RAISE_QUANTITY).bindAll(raise).run();

        List<String> minted = createCodes(gtin, lot, count, issuedAt);
        List<String> firstPaths = minted.stream().sorted().limit(LISTED_PATHS)
                .map(serial -> DigitalLink.unit(gtin, lot, new Serial(serial)).path()).toList();
        if (key != null) {
            neo4j.query(RECORD_PATHS).bindAll(Map.of("key", key, "paths", firstPaths)).run();
        }
        epcis.codesIssued(gtin.value(), lot.value(), minted.size());
        ledger.append("batch.issueCodes", "Batch:" + gtin.value() + "/" + lot.value(),
                Map.of("count", count, "firstPath", firstPaths.isEmpty() ? "" : firstPaths.getFirst()));
        return new CodeIssue(key, gtin.value(), lot.value(), count, issuedAt, firstPaths, false);
    }

    /** The earlier call's result when the key was used before, or empty when this call now owns the key. */
    private Optional<CodeIssue> claim(String key, Gtin gtin, LotNumber lot, int count, OffsetDateTime issuedAt) {
        Map<String, Object> params = Map.of("key", key, "gtin", gtin.value(), "lot", lot.value(), "count", count,
                "issuedAt", issuedAt);
        Value issue = neo4j.query(CLAIM_KEY).bindAll(params).fetchAs(Value.class)
                .mappedBy((types, record) -> record.get("issue")).one().orElseThrow();
        if (issue.get("firstPaths").isNull()) {
            return Optional.empty();
        }
        boolean sameRequest = gtin.value().equals(issue.get("gtin").asString())
                && lot.value().equals(issue.get("lot").asString()) && count == issue.get("count").asInt();
        if (!sameRequest) {
            throw new CodeIssueRejectedException(Reason.IDEMPOTENCY_KEY_REUSED, "The idempotency key was already used to issue "
                    + issue.get("count").asInt() + " codes for batch " + issue.get("gtin").asString() + " / "
                    + issue.get("lot").asString() + "; use a new key for a different request");
        }
        return Optional.of(new CodeIssue(key, gtin.value(), lot.value(), count, issue.get("issuedAt").asOffsetDateTime(),
                issue.get("firstPaths").asList(Value::asString), true));
    }

    /** Writes the codes chunk by chunk inside the caller's transaction; returns their serials. */
    private List<String> createCodes(Gtin gtin, LotNumber lot, int count, OffsetDateTime issuedAt) {
        Set<String> used = new HashSet<>(count * 2);
        List<String> all = new ArrayList<>(count);
        for (int done = 0; done < count; ) {
            int size = Math.min(CHUNK_SIZE, count - done);
            List<String> chunk = freeSerials(gtin, size, used);
            List<Map<String, Object>> codes = new ArrayList<>(size);
            for (String serial : chunk) {
                codes.add(Map.of("serial", serial, "path", DigitalLink.unit(gtin, lot, new Serial(serial)).path()));
            }
            neo4j.query(CREATE_CODES).bindAll(Map.of("gtin", gtin.value(), "lot", lot.value(), "codes", codes,
                    "status", STATUS_ACTIVE, "issuedAt", issuedAt)).run();
            all.addAll(chunk);
            done += size;
        }
        return all;
    }

    /**
     * {@code size} serials that neither this call nor any committed code of the GTIN has. A clash is
     * astronomically unlikely (80 random bits), but if it happens only the clashing serials are drawn again.
     */
    private List<String> freeSerials(Gtin gtin, int size, Set<String> used) {
        List<String> chunk = new ArrayList<>(serials.fresh(size, used));
        List<String> toCheck = chunk;
        while (!toCheck.isEmpty()) {
            List<String> taken = List.copyOf(neo4j.query(TAKEN_SERIALS)
                    .bindAll(Map.of("gtin", gtin.value(), "serials", toCheck))
                    .fetchAs(String.class).mappedBy((types, record) -> record.get("serial").asString()).all());
            if (taken.isEmpty()) {
                break;
            }
            log.warn("{} drawn serial(s) already exist for GTIN {}; drawing again", taken.size(), gtin);
            chunk.removeAll(taken);
            toCheck = serials.fresh(taken.size(), used);
            chunk.addAll(toCheck);
        }
        return chunk;
    }

    private long count(String cypher, Map<String, Object> params) {
        return neo4j.query(cypher).bindAll(params).fetchAs(Long.class)
                .mappedBy((types, record) -> record.get(0).asLong()).one().orElse(0L);
    }
}
