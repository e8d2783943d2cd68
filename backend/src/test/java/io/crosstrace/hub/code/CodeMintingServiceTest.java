package io.crosstrace.hub.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.code.CodeIssueRejectedException.Reason;
import io.crosstrace.hub.code.TestBatches.TestBatch;
import io.crosstrace.hub.graphql.NotFoundException;

@HubIntegrationTest
class CodeMintingServiceTest {

    @Autowired
    CodeMintingService minting;
    @Autowired
    Driver driver;

    /** Codes are issued by the batches' producer. */
    @org.junit.jupiter.api.BeforeEach
    void actAsTheProducer() {
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                new io.crosstrace.hub.security.ActorAuthentication(TestBatches.producer(driver)));
    }

    @org.junit.jupiter.api.AfterEach
    void forgetTheProducer() {
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
    }

    @Test
    void issuing_1000_codes_creates_exactly_1000_unit_codes_of_the_batch_with_unique_16_character_serials() {
        TestBatch batch = TestBatches.create(driver);

        CodeIssue issue = minting.issueCodes(batch.gtin(), batch.lot(), 1_000, null);

        assertThat(issue.count()).isEqualTo(1_000);
        assertThat(issue.replayed()).isFalse();
        List<Record> codes = driver.executableQuery("""
                MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode)
                RETURN c.gtin AS gtin, c.lot AS lot, c.serial AS serial, c.path AS path, c.status AS status,
                       c.issuedAt AS issuedAt ORDER BY serial""").withParameters(batch.parameters()).execute().records();
        assertThat(codes).hasSize(1_000);
        assertThat(new HashSet<>(codes.stream().map(r -> r.get("serial").asString()).toList())).hasSize(1_000);
        for (Record code : codes) {
            String serial = code.get("serial").asString();
            assertThat(serial).matches("[2-9A-HJ-NP-Z]{16}");
            assertThat(code.get("gtin").asString()).isEqualTo(batch.gtin().value());
            assertThat(code.get("lot").asString()).isEqualTo(batch.lot().value());
            assertThat(code.get("path").asString()).isEqualTo(DigitalLink.unit(batch.gtin(), batch.lot(), new Serial(serial)).path());
            assertThat(code.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(code.get("issuedAt").asOffsetDateTime()).isEqualTo(issue.issuedAt());
        }
        assertThat(issue.firstPaths()).hasSize(CodeMintingService.LISTED_PATHS)
                .isEqualTo(codes.stream().limit(CodeMintingService.LISTED_PATHS).map(r -> r.get("path").asString()).toList());
        assertThat(TestBatches.quantityOf(driver, batch)).isEqualTo(1_000);

        minting.issueCodes(batch.gtin(), batch.lot(), 5, null);

        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(1_005);
        assertThat(TestBatches.quantityOf(driver, batch)).isEqualTo(1_005);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_result_and_mints_nothing() {
        TestBatch batch = TestBatches.create(driver);
        String key = "order-" + UUID.randomUUID();

        CodeIssue first = minting.issueCodes(batch.gtin(), batch.lot(), 25, key);
        CodeIssue retry = minting.issueCodes(batch.gtin(), batch.lot(), 25, key);

        assertThat(retry.replayed()).isTrue();
        assertThat(retry.firstPaths()).hasSize(25).isEqualTo(first.firstPaths());
        assertThat(retry.count()).isEqualTo(25);
        assertThat(retry.issuedAt()).isEqualTo(first.issuedAt());
        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(25);
        assertThat(TestBatches.quantityOf(driver, batch)).isEqualTo(25);
        assertThat(count("MATCH (i:CodeIssue {idempotencyKey: $key}) RETURN count(i)", Map.of("key", key))).isEqualTo(1);
    }

    @Test
    void an_idempotency_key_used_for_another_request_is_rejected_and_mints_nothing() {
        TestBatch batch = TestBatches.create(driver);
        TestBatch other = TestBatches.create(driver);
        String key = "order-" + UUID.randomUUID();
        minting.issueCodes(batch.gtin(), batch.lot(), 3, key);

        assertThatThrownBy(() -> minting.issueCodes(batch.gtin(), batch.lot(), 4, key))
                .isInstanceOfSatisfying(CodeIssueRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
        assertThatThrownBy(() -> minting.issueCodes(other.gtin(), other.lot(), 3, key))
                .isInstanceOfSatisfying(CodeIssueRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED));
        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(3);
        assertThat(TestBatches.codesOf(driver, other)).isZero();
        assertThat(TestBatches.quantityOf(driver, other)).isZero();
    }

    @Test
    void counts_outside_1_to_100000_and_malformed_keys_are_rejected_and_unknown_batches_are_not_found() {
        TestBatch batch = TestBatches.create(driver);

        for (int count : new int[] {0, -1, 100_001}) {
            assertThatThrownBy(() -> minting.issueCodes(batch.gtin(), batch.lot(), count, null))
                    .isInstanceOfSatisfying(CodeIssueRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.COUNT_OUT_OF_RANGE));
        }
        for (String key : new String[] {"", "  ", "k".repeat(101)}) {
            assertThatThrownBy(() -> minting.issueCodes(batch.gtin(), batch.lot(), 1, key))
                    .isInstanceOfSatisfying(CodeIssueRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_IDEMPOTENCY_KEY));
        }
        String unknownKey = "order-" + UUID.randomUUID();
        assertThatThrownBy(() -> minting.issueCodes(batch.gtin(), new LotNumber("NO-SUCH-LOT"), 10, unknownKey))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("NO-SUCH-LOT");

        assertThat(TestBatches.codesOf(driver, batch)).isZero();
        assertThat(count("MATCH (i:CodeIssue {idempotencyKey: $key}) RETURN count(i)", Map.of("key", unknownKey))).isZero();
        assertThat(minting.issueCodes(batch.gtin(), batch.lot(), 1, "k".repeat(100)).count())
                .as("a key of exactly 100 characters").isEqualTo(1);
    }

    @Test
    void the_maximum_of_100000_codes_is_issued_in_one_call() {
        TestBatch batch = TestBatches.create(driver);

        long start = System.nanoTime();
        CodeIssue issue = minting.issueCodes(batch.gtin(), batch.lot(), CodeMintingService.MAX_CODES_PER_CALL, null);
        long millis = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("Minting: %d codes issued in %d ms%n", issue.count(), millis);
        assertThat(TestBatches.codesOf(driver, batch)).isEqualTo(100_000);
        assertThat(count("MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode) RETURN count(DISTINCT c.serial)",
                batch.parameters())).isEqualTo(100_000);
        assertThat(TestBatches.quantityOf(driver, batch)).isEqualTo(100_000);
    }

    private long count(String cypher, Map<String, Object> parameters) {
        return driver.executableQuery(cypher).withParameters(parameters).execute().records().getFirst().get(0).asLong();
    }
}
