package io.crosstrace.hub.mutation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.security.CurrentActor;

/**
 * Runs the workflow's mutations: each in one write transaction (all of it or nothing), with rule violations
 * turned into {@code userErrors}, and with idempotency keys. A key is claimed with MERGE on a uniqueness
 * constraint, scoped to the caller's organization and the mutation, inside the same transaction as the work:
 * a concurrent retry waits for the first call and then finds its result; a call that failed left no claim.
 */
@Component
public class Mutations {

    public static final int MAX_KEY_LENGTH = 100;

    private static final String CLAIM = """
            MERGE (k:IdempotencyKey {key: $key})
              ON CREATE SET k.requestHash = $hash, k.claim = $claim, k.createdAt = $now, k.mutation = $mutation
            RETURN k.claim = $claim AS ours, k.requestHash AS hash, k.resultKey AS resultKey""";

    private final Neo4jClient neo4j;
    private final TransactionTemplate transactions;

    Mutations(Neo4jClient neo4j, PlatformTransactionManager transactionManager) {
        this.neo4j = neo4j;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
    }

    /**
     * A mutation that creates something identified by a business key.
     *
     * @param mutation       the mutation's name, part of the idempotency scope
     * @param idempotencyKey optional; a retry with it returns the first call's object and writes nothing
     * @param request        the input, whose text form must match on a retry (records compare by value)
     * @param write          does the work inside the transaction and returns the new object's key; throws
     *                       {@link MutationRejected} to refuse
     * @param read           reads the object by key (after a fresh write or for a replay)
     */
    public <T> Outcome<T> create(String mutation, String idempotencyKey, Object request, Supplier<String> write,
                                 Function<String, T> read) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return Outcome.refused(java.util.List.of(UserError.of("INVALID_IDEMPOTENCY_KEY",
                    "An idempotency key has 1 to " + MAX_KEY_LENGTH + " characters, not only blanks", "input", "idempotencyKey")));
        }
        try {
            return transactions.execute(status -> {
                if (idempotencyKey != null) {
                    Optional<Outcome<T>> earlier = claim(mutation, idempotencyKey, request, read);
                    if (earlier.isPresent()) {
                        return earlier.get();
                    }
                }
                String key = write.get();
                if (idempotencyKey != null) {
                    neo4j.query("MATCH (k:IdempotencyKey {key: $key}) SET k.resultKey = $result")
                            .bindAll(Map.of("key", scoped(mutation, idempotencyKey), "result", key)).run();
                }
                return Outcome.done(read.apply(key));
            });
        } catch (MutationRejected rejected) {
            return Outcome.refused(rejected.errors());
        } catch (DataIntegrityViolationException e) {
            // A uniqueness constraint caught a duplicate business key created concurrently by someone else.
            return Outcome.refused(java.util.List.of(UserError.of("ALREADY_EXISTS",
                    "Something with that identifier was created meanwhile; it cannot be created twice")));
        }
    }

    /** A mutation that changes an existing object: one transaction, rule violations as userErrors. */
    public <T> Outcome<T> change(Supplier<T> work) {
        try {
            return transactions.execute(status -> Outcome.done(work.get()));
        } catch (MutationRejected rejected) {
            return Outcome.refused(rejected.errors());
        }
    }

    private <T> Optional<Outcome<T>> claim(String mutation, String idempotencyKey, Object request, Function<String, T> read) {
        String hash = sha256(String.valueOf(request));
        Map<String, Object> row = neo4j.query(CLAIM).bindAll(Map.of("key", scoped(mutation, idempotencyKey), "hash", hash,
                "claim", UUID.randomUUID().toString(), "now", OffsetDateTime.now(), "mutation", mutation)).fetch().one().orElseThrow();
        if ((Boolean) row.get("ours")) {
            return Optional.empty();
        }
        if (!hash.equals(row.get("hash"))) {
            throw new MutationRejected("IDEMPOTENCY_KEY_REUSED",
                    "This idempotency key was used for a different request; use a new key per request", "input", "idempotencyKey");
        }
        return Optional.of(new Outcome<>(read.apply((String) row.get("resultKey")), java.util.List.of(), true));
    }

    private static String scoped(String mutation, String key) {
        String organization = CurrentActor.get().organizationGln();
        return (organization == null ? "anonymous" : organization) + "|" + mutation + "|" + key;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
