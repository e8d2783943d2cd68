package io.crosstrace.hub.port;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.gs1.CheckDigit;
import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.gs1.Serial;
import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * One complete, valid chain that the port's green lane releases: a fresh producer, premises, product and batch, an
 * inspection body that audited, approved the label, inspected before shipment, supervised the loading and issued a
 * signed traceability certificate, a shipment, and a consignment of a fresh importer that arrived at the demo
 * inspector's port, with signed unit codes. Everything has random keys, so tests never touch the demo world and
 * each other; {@link #delete()} removes it (ledger entries stay, as the ledger requires).
 */
final class GreenLaneFixture {

    static final int QUANTITY = 60;

    private static final String CREATE = """
            MATCH (port:Location {gln: $port}), (origin:Location {gln: $origin})
            CREATE (producer:Organization {gln: $producer, name: 'Port Test Dairy ' + $run, country: 'AU', roles: ['PRODUCER']})
            CREATE (producer)-[:OPERATES]->(m:Premises {gln: $premises, name: 'Port Test Plant ' + $run, country: 'AU',
                                                       registrationNumber: 'CAUS' + $run})
            CREATE (producer)-[:OWNS]->(p:Product {gtin: $gtin, nameEn: 'Port test infant formula', nameZh: '口岸测试婴儿配方奶粉',
                                                   brand: 'Port Test', netContent: '800 g', category: 'INFANT_FORMULA'})
            CREATE (m)-[:PRODUCED]->(b:Batch {gtin: $gtin, lot: $lot, productionDate: $produced, expiryDate: $expires,
                                              quantity: $quantity})-[:OF_PRODUCT]->(p)
            CREATE (auditor:Organization {gln: $auditor, name: 'Port Test Inspection Body ' + $run, country: 'AU', roles: ['AUDITOR']})
            CREATE (auditor)-[:PERFORMED]->(:Inspection {number: $run + '-AUD', kind: 'PREMISES_AUDIT', result: 'PASS',
                                                        performedOn: $audited})-[:OF]->(m)
            CREATE (auditor)-[:PERFORMED]->(:Inspection {number: $run + '-LBL', kind: 'LABEL_APPROVAL', result: 'PASS',
                                                        performedOn: $labelled})-[:OF]->(b)
            CREATE (auditor)-[:PERFORMED]->(:Inspection {number: $run + '-PSI', kind: 'PRE_SHIPMENT_INSPECTION', result: 'PASS',
                                                        performedOn: $inspected, sampledQuantity: 12})-[:OF]->(b)
            CREATE (auditor)-[:ISSUED]->(:Certificate {number: $certificate, kind: 'TRACEABILITY', status: 'VALID',
                                                      issuedOn: $certified, validFrom: $certified, validUntil: $certifiedUntil})
                   -[:CERTIFIES]->(b)
            CREATE (shipper:Organization {gln: $shipper, name: 'Port Test Export ' + $run, country: 'AU', roles: ['EXPORTER']})
            CREATE (shipper)-[:SHIPS]->(s:Shipment {number: $shipment, mode: 'SEA', vessel: 'Port Test Star',
                                                   departedOn: $departed, arrivedOn: $arrived})
            CREATE (s)-[:DEPARTS_FROM]->(origin)
            CREATE (s)-[:BOUND_FOR]->(port)
            CREATE (s)-[:CARRIES {quantity: $quantity}]->(b)
            CREATE (auditor)-[:PERFORMED]->(:Inspection {number: $run + '-LDS', kind: 'LOADING_SUPERVISION', result: 'PASS',
                                                        performedOn: $loaded})-[:OF]->(s)
            CREATE (importer:Organization {gln: $importer, name: 'Port Test Importer ' + $run, country: 'CN', roles: ['IMPORTER']})
            CREATE (importer)-[:IMPORTS]->(c:Consignment {declarationNumber: $consignment, status: 'ARRIVED', declaredOn: $declared})
            CREATE (c)-[:SHIPPED_AS]->(s)
            CREATE (c)-[:ARRIVES_AT]->(port)
            CREATE (c)-[:DECLARES {quantity: $quantity, productionDate: $produced, expiryDate: $expires}]->(b)
            WITH b
            UNWIND $codes AS code
            CREATE (b)-[:HAS_UNIT]->(:TraceCode {path: code.path, gtin: $gtin, lot: $lot, serial: code.serial,
                                                 status: 'ACTIVE', issuedAt: datetime()})""";

    private final Neo4jClient neo4j;
    private final CodeSigner signer;
    final String run;
    final LocalDate today = LocalDate.now();
    final String port;
    final String producer = gln();
    final String premises = gln();
    final String auditor = gln();
    final String shipper = gln();
    final String importer = gln();
    final String gtin = Gtin.fromDataDigits("0" + digits(12)).value();
    final String lot;
    final String certificate;
    final String shipment;
    final String consignment;
    final List<String> paths = new ArrayList<>();
    /** Further consignments tests add, removed with the rest. */
    final List<String> otherConsignments = new ArrayList<>();

    private GreenLaneFixture(Neo4jClient neo4j, CodeSigner signer, String port, String origin, int units) {
        this.neo4j = neo4j;
        this.signer = signer;
        this.port = port;
        this.run = "PV" + digits(8);
        this.lot = "L" + run;
        this.certificate = "CERT-" + run;
        this.shipment = "SHP-" + run;
        this.consignment = "3519" + run.substring(2) + digits(4);
        List<Map<String, Object>> codes = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            String serial = "S" + i + digits(6);
            String path = DigitalLink.unit(new Gtin(gtin), new LotNumber(lot), new Serial(serial)).path();
            paths.add(path);
            codes.add(Map.of("path", path, "serial", serial));
        }
        Map<String, Object> p = parameters();
        p.put("origin", origin);
        p.put("codes", codes);
        p.put("run", run);
        neo4j.query(CREATE).bindAll(p).run();
    }

    /** A new chain with five coded units. */
    static GreenLaneFixture create(Neo4jClient neo4j, CodeSigner signer, CertificateSignatures signatures,
                                   PlatformTransactionManager transactions) {
        return create(neo4j, signer, signatures, transactions, 5);
    }

    /**
     * A new chain with this many coded units, arriving at the first port the demo user {@code inspector} inspects at,
     * with its certificate signed.
     */
    static GreenLaneFixture create(Neo4jClient neo4j, CodeSigner signer, CertificateSignatures signatures,
                                   PlatformTransactionManager transactions, int units) {
        String port = neo4j.query("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(l:Location {kind: 'PORT'})
                RETURN l.gln ORDER BY l.gln LIMIT 1""").fetchAs(String.class).one().orElseThrow();
        String origin = neo4j.query("MATCH (l:Location {country: 'AU', kind: 'PORT'}) RETURN l.gln ORDER BY l.gln LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
        GreenLaneFixture fixture = new GreenLaneFixture(neo4j, signer, port, origin, units);
        new TransactionTemplate(transactions).executeWithoutResult(s -> signatures.sign(fixture.certificate));
        return fixture;
    }

    /** The keys and dates of the chain, as Cypher parameters for tests that change one thing. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("port", port);
        p.put("producer", producer);
        p.put("premises", premises);
        p.put("auditor", auditor);
        p.put("shipper", shipper);
        p.put("importer", importer);
        p.put("gtin", gtin);
        p.put("lot", lot);
        p.put("certificate", certificate);
        p.put("shipment", shipment);
        p.put("consignment", consignment);
        p.put("quantity", QUANTITY);
        p.put("path", paths.getFirst());
        p.put("today", today);
        p.put("produced", today.minusDays(40));
        p.put("expires", today.plusDays(500));
        p.put("audited", today.minusDays(100));
        p.put("labelled", today.minusDays(38));
        p.put("inspected", today.minusDays(30));
        p.put("certified", today.minusDays(28));
        p.put("certifiedUntil", today.plusDays(330));
        p.put("loaded", today.minusDays(21));
        p.put("departed", today.minusDays(20));
        p.put("declared", today.minusDays(18));
        p.put("arrived", today.minusDays(1));
        return p;
    }

    String consignmentId() {
        return GlobalId.of("Consignment", consignment);
    }

    /** The i-th unit's code as printed on its label: a URI with its signature. */
    String signedUri(int i) {
        DigitalLink link = DigitalLink.parse(paths.get(i));
        return signer.signedUri(link, "https://id.example.com");
    }

    /** A code of this batch that the hub never issued, but signed with the hub's key (a stolen key, or a bug). */
    String signedUnknownUri() {
        DigitalLink link = DigitalLink.unit(new Gtin(gtin), new LotNumber(lot), new Serial("NEVER" + digits(6)));
        return signer.signedUri(link, "https://id.example.com");
    }

    /** Runs a statement with the chain's parameters (and these). */
    void run(String cypher, Map<String, Object> more) {
        Map<String, Object> p = parameters();
        p.putAll(more);
        neo4j.query(cypher).bindAll(p).run();
    }

    void run(String cypher) {
        run(cypher, Map.of());
    }

    String consignmentStatus() {
        return neo4j.query("MATCH (c:Consignment {declarationNumber: $n}) RETURN c.status").bind(consignment).to("n")
                .fetchAs(String.class).one().orElseThrow();
    }

    void delete() {
        Map<String, Object> p = parameters();
        List<String> consignments = new ArrayList<>(otherConsignments);
        consignments.add(consignment);
        p.put("consignments", consignments);
        p.put("organizations", List.of(producer, auditor, shipper, importer));
        for (String cypher : List.of(
                "MATCH (:Batch {gtin: $gtin})-[:HAS_UNIT]->(t:TraceCode) OPTIONAL MATCH (t)<-[:FLAGS]-(f) DETACH DELETE f, t",
                "MATCH (c:Consignment) WHERE c.declarationNumber IN $consignments OPTIONAL MATCH (c)<-[:OF]-(i:Inspection) DETACH DELETE i, c",
                "MATCH (s:Shipment {number: $shipment}) OPTIONAL MATCH (s)<-[:OF]-(i:Inspection) DETACH DELETE i, s",
                """
                MATCH (b:Batch {gtin: $gtin})
                OPTIONAL MATCH (b)<-[:OF]-(i:Inspection)
                OPTIONAL MATCH (b)<-[:CERTIFIES]-(c:Certificate)
                OPTIONAL MATCH (b)<-[:RECALLS]-(r:Recall)
                DETACH DELETE i, c, r, b""",
                "MATCH (m:Premises {gln: $premises}) OPTIONAL MATCH (m)<-[:OF]-(i:Inspection) OPTIONAL MATCH (m)<-[:BLOCKS]-(x) DETACH DELETE i, x, m",
                "MATCH (p:Product {gtin: $gtin}) DETACH DELETE p",
                """
                MATCH (o:Organization) WHERE o.gln IN $organizations
                OPTIONAL MATCH (o)<-[:BLOCKS]-(x)
                OPTIONAL MATCH (o)-[:SUBSCRIBES]->(w:WebhookSubscription)
                OPTIONAL MATCH (w)<-[:FOR]-(d:WebhookDelivery)
                OPTIONAL MATCH (d)-[:ATTEMPTED]->(a)
                DETACH DELETE a, d, w, x, o""")) {
            neo4j.query(cypher).bindAll(p).run();
        }
    }

    static String gln() {
        return CheckDigit.append("99" + digits(10));
    }

    static String digits(int n) {
        StringBuilder digits = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
