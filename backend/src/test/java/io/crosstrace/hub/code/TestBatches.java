package io.crosstrace.hub.code;

import java.util.Map;
import java.util.UUID;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * Fresh, empty batches of a demo product for tests that issue codes, so that they never change the demo
 * world's own batches that other tests read. Produced long ago, so they sort after the demo batches, at premises
 * of the demo user {@code producer}, who may issue their codes.
 */
final class TestBatches {

    private TestBatches() {
    }

    /** A new batch without codes (quantity 0) of the first demo product; its product name is {@code nameEn}. */
    static TestBatch create(Driver driver) {
        String lot = "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        Record record = driver.executableQuery("""
                MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(o:Organization)-[:OWNS]->(p:Product)
                WITH o, p ORDER BY p.gtin LIMIT 1
                MATCH (o)-[:OPERATES]->(m:Premises) WITH m, p ORDER BY m.gln LIMIT 1
                CREATE (m)-[:PRODUCED]->(b:Batch {gtin: p.gtin, lot: $lot, productionDate: date('2001-01-01'),
                                 expiryDate: date('2031-06-30'), quantity: 0})-[:OF_PRODUCT]->(p)
                RETURN p.gtin AS gtin, p.nameEn AS nameEn""").withParameters(Map.of("lot", lot)).execute()
                .records().getFirst();
        return new TestBatch(new Gtin(record.get("gtin").asString()), new LotNumber(lot), record.get("nameEn").asString());
    }

    /** The demo producer whose batches these are: the caller that may issue their codes. */
    static io.crosstrace.hub.security.Actor producer(Driver driver) {
        String gln = driver.executableQuery("MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(o) RETURN o.gln")
                .execute().records().getFirst().get(0).asString();
        return io.crosstrace.hub.security.Actor.user("producer", gln, io.crosstrace.hub.security.Role.PRODUCER);
    }

    static long codesOf(Driver driver, TestBatch batch) {
        return driver.executableQuery("MATCH (:Batch {gtin: $gtin, lot: $lot})-[:HAS_UNIT]->(c:TraceCode) RETURN count(c)")
                .withParameters(batch.parameters()).execute().records().getFirst().get(0).asLong();
    }

    static long quantityOf(Driver driver, TestBatch batch) {
        return driver.executableQuery("MATCH (b:Batch {gtin: $gtin, lot: $lot}) RETURN b.quantity")
                .withParameters(batch.parameters()).execute().records().getFirst().get(0).asLong();
    }

    record TestBatch(Gtin gtin, LotNumber lot, String productName) {

        Map<String, Object> parameters() {
            return Map.of("gtin", gtin.value(), "lot", lot.value());
        }

        String globalId() {
            return GlobalId.of(Batch.TYPE, Batch.key(gtin.value(), lot.value()));
        }
    }
}
