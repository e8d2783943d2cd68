package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.neo4j.core.Neo4jClient;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * A small world of its own for one test, with nothing risky in it: a producer with one premises (recently audited,
 * registered), a milk powder product, one certified batch, and an importer whose consignment of the whole batch
 * has arrived at a port the demo inspector works at. Its parties have no creation dates, so they are not new.
 * Every node carries {@code riskWorld} so {@link #delete()} removes it all, with blacklistings of its parties.
 */
final class RiskWorld {

    final String suffix = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    final String producerGln = Gln.fromDataDigits("939" + suffix + "001").value();
    final String premisesGln = Gln.fromDataDigits("939" + suffix + "002").value();
    final String importerGln = Gln.fromDataDigits("699" + suffix + "003").value();
    final String gtin = Gtin.fromDataDigits("0939" + suffix + "004").value();
    final String lot = "RISK" + suffix;
    final String declarationNumber = "RISK-" + suffix;
    final String shipmentNumber = "RISK-SHP-" + suffix;
    final LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);

    private final Neo4jClient neo4j;

    RiskWorld(Neo4jClient neo4j) {
        this.neo4j = neo4j;
        run("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(port:Location {kind: 'PORT'})
                WITH port ORDER BY port.gln LIMIT 1
                CREATE (producer:Organization {gln: $producer, name: 'Risk test dairy ' + $s, country: 'AU', roles: ['PRODUCER'], riskWorld: $s})
                CREATE (producer)-[:OPERATES]->(pm:Premises {gln: $premises, name: 'Risk test plant ' + $s, country: 'AU', riskWorld: $s})
                CREATE (producer)-[:OWNS]->(product:Product {gtin: $gtin, nameEn: 'Risk test milk powder', nameZh: '测试奶粉',
                                                             category: 'MILK_POWDER', riskWorld: $s})
                CREATE (pm)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $lot, productionDate: $today - duration('P30D'),
                                                   expiryDate: $today + duration('P500D'), quantity: 100, riskWorld: $s})-[:OF_PRODUCT]->(product)
                CREATE (:Inspection {number: 'RISK-AUD-' + $s, kind: 'PREMISES_AUDIT', result: 'PASS',
                                     performedOn: $today - duration('P60D'), riskWorld: $s})-[:OF]->(pm)
                CREATE (:Certificate {number: 'RISK-REG-' + $s, kind: 'PREMISES_REGISTRATION', status: 'VALID',
                                      validFrom: $today - duration('P400D'), validUntil: $today + duration('P1000D'), riskWorld: $s})-[:CERTIFIES]->(pm)
                CREATE (:Certificate {number: 'RISK-TRC-' + $s, kind: 'TRACEABILITY', status: 'VALID',
                                      validFrom: $today - duration('P20D'), validUntil: $today + duration('P300D'), riskWorld: $s})-[:CERTIFIES]->(b)
                CREATE (importer:Organization {gln: $importer, name: 'Risk test importer ' + $s, country: 'CN', roles: ['IMPORTER'], riskWorld: $s})
                CREATE (s:Shipment {number: $shipment, mode: 'SEA', departedOn: $today - duration('P12D'), riskWorld: $s})-[:CARRIES {quantity: 100}]->(b)
                CREATE (importer)-[:IMPORTS]->(c:Consignment {declarationNumber: $number, status: 'ARRIVED',
                                                              declaredOn: $today - duration('P10D'), riskWorld: $s})
                CREATE (c)-[:SHIPPED_AS]->(s), (c)-[:ARRIVES_AT]->(port), (c)-[:DECLARES {quantity: 100}]->(b)""");
    }

    String consignmentId() {
        return GlobalId.of("Consignment", declarationNumber);
    }

    String batchId() {
        return GlobalId.of("Batch", gtin + "/" + lot);
    }

    String producerId() {
        return GlobalId.of("Organization", producerGln);
    }

    String importerId() {
        return GlobalId.of("Organization", importerGln);
    }

    /** Runs Cypher with this world's keys as parameters: {@code $s}, {@code $producer}, {@code $premises}, ... */
    void run(String cypher) {
        run(cypher, Map.of());
    }

    void run(String cypher, Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>(more);
        p.put("s", suffix);
        p.put("producer", producerGln);
        p.put("premises", premisesGln);
        p.put("importer", importerGln);
        p.put("gtin", gtin);
        p.put("lot", lot);
        p.put("number", declarationNumber);
        p.put("shipment", shipmentNumber);
        p.put("today", today);
        neo4j.query(cypher).bindAll(p).run();
    }

    /** Another consignment of this world's importer, declaring nothing, at one of the demo inspector's ports or elsewhere. */
    String anotherConsignment(String status, LocalDate declaredOn, String portKind) {
        String number = declarationNumber + "-" + status + "-" + ThreadLocalRandom.current().nextInt(1000);
        run("""
                MATCH (importer:Organization {gln: $importer}), (b:Batch {gtin: $gtin, lot: $lot})
                MATCH (port:Location) WHERE ($portKind = 'OURS' AND EXISTS { (:User {username: 'inspector'})-[:MEMBER_OF]->()-[:INSPECTS_AT]->(port) })
                                         OR ($portKind = 'ELSEWHERE' AND NOT EXISTS { (:Organization)-[:INSPECTS_AT]->(port) })
                WITH importer, b, port ORDER BY port.gln LIMIT 1
                CREATE (importer)-[:IMPORTS]->(c:Consignment {declarationNumber: $other, status: $status, declaredOn: $declaredOn, riskWorld: $s})
                CREATE (c)-[:ARRIVES_AT]->(port)""", Map.of("other", number, "status", status, "declaredOn", declaredOn, "portKind", portKind));
        return number;
    }

    /** Removes the world, blacklistings of its parties included (the ledger keeps its entries). */
    void delete() {
        run("MATCH (bl:Blacklisting)-[:BLOCKS]->(t {riskWorld: $s}) DETACH DELETE bl");
        run("MATCH (n {riskWorld: $s}) DETACH DELETE n");
    }
}
