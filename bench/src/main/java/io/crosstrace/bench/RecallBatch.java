package io.crosstrace.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;

/**
 * One very large batch for the recall scenario, added once to the benchmark world: the generated worlds make
 * batches of about 10,000 units, a recall must be traced on batches ten times that size. Its units are shipped and
 * declared like the others', and consumers have scanned some of them in several countries, some with a location.
 * Deterministic: the same options write the same batch.
 */
final class RecallBatch {

    static final String LOT = "RCLBENCH1";
    private static final int CHUNK = 10_000;

    /** Where consumers scan: Chinese cities near the port of arrival mostly, a few elsewhere. */
    private static final String[] COUNTRIES = {"CN", "CN", "CN", "CN", "CN", "CN", "CN", "HK", "MO", "SG", "AU", "TW"};
    private static final double[][] PLACES = {{25.50, 119.79}, {26.07, 119.30}, {24.48, 118.09}, {31.23, 121.47},
            {23.13, 113.26}, {22.30, 114.17}, {39.90, 116.40}, {30.57, 104.07}};

    /** The batch as the benchmark addresses it. */
    record Key(String gtin, String lot) {
    }

    private RecallBatch() {
    }

    /**
     * The large batch, written now unless the world has it already.
     *
     * @param units units of the batch
     * @param scans consumer scans of them, spread over about two thirds as many units
     */
    static Key ensure(Driver driver, int units, int scans) {
        Record anchor = driver.executableQuery("""
                MATCH (pr:Premises)-[:PRODUCED]->(b:Batch)-[:OF_PRODUCT]->(p:Product)
                MATCH (b)<-[:DECLARES]-(c:Consignment)-[:SHIPPED_AS]->(s:Shipment)
                RETURN p.gtin AS gtin, pr.gln AS premises, c.declarationNumber AS consignment, s.number AS shipment
                ORDER BY p.gtin, pr.gln LIMIT 1""").execute().records().getFirst();
        Key key = new Key(anchor.get("gtin").asString(), LOT);
        long existing = driver.executableQuery("MATCH (b:Batch {gtin: $gtin, lot: $lot}) RETURN COUNT { (b)-[:HAS_UNIT]->() } AS n")
                .withParameters(Map.of("gtin", key.gtin(), "lot", key.lot())).execute().records().stream()
                .mapToLong(r -> r.get("n").asLong()).findFirst().orElse(-1);
        if (existing == units) {
            return key;
        }
        if (existing >= 0) {
            throw new IllegalStateException("The world has batch " + LOT + " with " + existing + " units, not " + units
                    + ": use the same --recall-units as when it was written, or a fresh --data folder");
        }
        long started = System.nanoTime();
        try (Session session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run("""
                    MATCH (pr:Premises {gln: $premises}), (p:Product {gtin: $gtin})
                    MATCH (s:Shipment {number: $shipment}), (c:Consignment {declarationNumber: $consignment})
                    CREATE (pr)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $lot, productionDate: date() - duration('P60D'),
                                                      expiryDate: date() + duration('P540D'), quantity: $units})-[:OF_PRODUCT]->(p)
                    CREATE (s)-[:CARRIES {quantity: $units}]->(b)
                    CREATE (c)-[:DECLARES {quantity: $units}]->(b)""",
                    Map.of("premises", anchor.get("premises").asString(), "gtin", key.gtin(), "lot", key.lot(),
                            "shipment", anchor.get("shipment").asString(), "consignment", anchor.get("consignment").asString(),
                            "units", units)));
            for (int from = 0; from < units; from += CHUNK) {
                List<String> serials = new ArrayList<>();
                for (int i = from; i < Math.min(units, from + CHUNK); i++) {
                    serials.add(serial(i));
                }
                session.executeWriteWithoutResult(tx -> tx.run("""
                        MATCH (b:Batch {gtin: $gtin, lot: $lot})
                        UNWIND $serials AS serial
                        CREATE (b)-[:HAS_UNIT]->(:TraceCode {gtin: $gtin, lot: $lot, serial: serial, status: 'ACTIVE',
                                 path: '/01/' + $gtin + '/10/' + $lot + '/21/' + serial, issuedAt: datetime()})""",
                        Map.of("gtin", key.gtin(), "lot", key.lot(), "serials", serials)));
            }
            SplittableRandom random = new SplittableRandom(20260615);
            int scannedUnits = Math.max(1, scans * 2 / 3);
            for (int from = 0; from < scans; from += CHUNK) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int j = from; j < Math.min(scans, from + CHUNK); j++) {
                    rows.add(scan(key, random, Math.min(units, scannedUnits)));
                }
                session.executeWriteWithoutResult(tx -> tx.run("""
                        UNWIND $rows AS row
                        MATCH (c:TraceCode {path: row.path})
                        CREATE (s:ScanEvent {scannedAt: datetime() - duration({hours: row.hoursAgo}), clientHash: row.client,
                                             language: 'zh-CN', country: row.country})-[:SCANNED]->(c)
                        SET s.latitude = row.latitude, s.longitude = row.longitude""", Map.of("rows", rows)));
            }
        }
        System.out.printf("Recall batch %s/%s: %,d units and %,d scans written in %.1f s%n", key.gtin(), key.lot(), units, scans,
                (System.nanoTime() - started) / 1e9);
        return key;
    }

    /** Serials outside the generator's alphabet (which has no 0 or 1), so they never collide with the world's. */
    private static String serial(int i) {
        return "R" + String.format("%07d", i);
    }

    private static Map<String, Object> scan(Key key, SplittableRandom random, int scannedUnits) {
        Map<String, Object> row = new HashMap<>();
        row.put("path", "/01/" + key.gtin() + "/10/" + key.lot() + "/21/" + serial(random.nextInt(scannedUnits)));
        row.put("hoursAgo", random.nextInt(24 * 40));
        row.put("client", Long.toHexString(random.nextLong()));
        row.put("country", random.nextInt(20) == 0 ? null : COUNTRIES[random.nextInt(COUNTRIES.length)]);
        if (random.nextInt(5) < 3) {
            double[] place = PLACES[random.nextInt(PLACES.length)];
            row.put("latitude", place[0] + random.nextDouble(-0.8, 0.8));
            row.put("longitude", place[1] + random.nextDouble(-0.8, 0.8));
        } else {
            row.put("latitude", null);
            row.put("longitude", null);
        }
        return row;
    }
}
