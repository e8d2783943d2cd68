package io.crosstrace.hub.port;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Visibility;

/**
 * Collects everything the green-lane rules need, for a consignment and all its sampled codes, in ONE parameterised
 * statement: a verdict is one round trip to the database however many checks it has, which is what keeps it within
 * the port's latency budget. The statement is constant text (its plan is cached); codes come in as a list parameter.
 * The rules themselves run in Java on the facts this returns.
 */
@Component
class PortVerificationReader {

    /** What was read: the consignment's facts and, per canonical path of a well-formed code, the code's facts. */
    record Read(ConsignmentFacts consignment, Map<String, CodeFacts> codes) {
    }

    static final String READ = """
            MATCH (c:Consignment {declarationNumber: $number})
            WHERE %s
            OPTIONAL MATCH (c)-[:SHIPPED_AS]->(s:Shipment)
            WITH c, s, head([(o:Organization)-[:IMPORTS]->(c) | o]) AS importer
            CALL (c, s) {
              UNWIND $codes AS q
              OPTIONAL MATCH (code:TraceCode {path: q.path})
              OPTIONAL MATCH (b:Batch {gtin: q.gtin, lot: q.lot})
              WITH c, s, q, code, b, head([(m:Premises)-[:PRODUCED]->(b) | m]) AS pr
              WITH c, s, q, code, b, pr, head([(o:Organization)-[:OPERATES]->(pr) | o]) AS producer
              RETURN collect({
                path: q.path,
                codeFound: code IS NOT NULL,
                codeOfBatch: code IS NOT NULL AND b IS NOT NULL AND EXISTS { (b)-[:HAS_UNIT]->(code) },
                codeStatus: code.status,
                issuedAt: code.issuedAt,
                cloneFlags: CASE WHEN code IS NULL THEN 0 ELSE COUNT { (code)<-[:FLAGS]-(:CloneFlag) } END,
                batchFound: b IS NOT NULL,
                productionDate: b.productionDate,
                expiryDate: b.expiryDate,
                declared: head([(c)-[d:DECLARES]->(b) | d{.quantity, .productionDate, .expiryDate}]),
                carried: head([(s)-[k:CARRIES]->(b) | k.quantity]),
                declaredOnShipment: reduce(t = 0, x IN coalesce([(s)<-[:SHIPPED_AS]-(:Consignment)-[d:DECLARES]->(b) | d.quantity], [])
                                           | t + coalesce(x, 0)),
                inspections: [(b)<-[:OF]-(i:Inspection) | i{.number, .kind, .result, .performedOn, .sampledQuantity}],
                certificates: [(b)<-[:CERTIFIES]-(t:Certificate {kind: 'TRACEABILITY'}) | t{.number, .kind, .status, .validFrom,
                                 .validUntil, .issuedOn, .revokedReason, .signature, .signatureKeyId,
                                 issuer: head([(o:Organization)-[:ISSUED]->(t) | o{.gln, .name, .certificateKeyId, .certificatePublicKey}]),
                                 subjects: [(t)-[:CERTIFIES]->(x) | CASE WHEN x:Batch THEN 'Batch:' + x.gtin + '/' + x.lot
                                                                         WHEN x:Premises THEN 'Premises:' + x.gln
                                                                         ELSE 'Product:' + x.gtin END]}],
                premisesName: coalesce(pr.name, pr.gln),
                audits: [(pr)<-[:OF]-(i:Inspection {kind: 'PREMISES_AUDIT'}) | i{.number, .kind, .result, .performedOn}],
                producerName: producer.name,
                recalls: [(r:Recall)-[:RECALLS]->(b) WHERE coalesce(r.status, 'ACTIVE') = 'ACTIVE' | r{.number, .reason, .reasonZh}],
                holds: [(b)<-[:DECLARES]-(o:Consignment) WHERE o <> c AND o.status IN ['HELD', 'REJECTED']
                        | o{.declarationNumber, .status}],
                blacklistings: coalesce([(x:Blacklisting)-[:BLOCKS]->(producer) WHERE x.active = true
                                         | {party: 'PRODUCER', name: producer.name, reason: x.reason}], [])
                             + coalesce([(x:Blacklisting)-[:BLOCKS]->(pr) WHERE x.active = true
                                         | {party: 'PREMISES', name: pr.name, reason: x.reason}], [])
              }) AS codes
            }
            RETURN %s AS consignment, importer.name AS importerName,
                   [(s)<-[:OF]-(i:Inspection {kind: 'LOADING_SUPERVISION'}) | i{.number, .kind, .result, .performedOn}] AS supervisions,
                   [(x:Blacklisting)-[:BLOCKS]->(importer) WHERE x.active = true
                    | {party: 'IMPORTER', name: importer.name, reason: x.reason}] AS importerBlacklistings,
                   codes
            """.formatted(Visibility.consignment("c"), Consignment.PROJECTION);

    private final GraphReads graph;

    PortVerificationReader(GraphReads graph) {
        this.graph = graph;
    }

    /** The facts, or empty when the consignment does not exist or the actor may not see it (the same answer). */
    Optional<Read> read(Actor actor, String declarationNumber, List<ScannedCode> codes) {
        // Each distinct unit once: a sample that scans the same tin twice costs one lookup.
        Map<String, Map<String, Object>> parameters = new LinkedHashMap<>();
        for (ScannedCode code : codes) {
            if (code.wellFormed()) {
                parameters.putIfAbsent(code.link().path(), Map.of("path", code.link().path(),
                        "gtin", code.link().gtin().value(), "lot", code.link().lot().value()));
            }
        }
        Map<String, Object> p = new HashMap<>(Visibility.parameters(actor));
        p.put("number", declarationNumber);
        p.put("codes", List.copyOf(parameters.values()));
        return graph.one(READ, p, PortVerificationReader::map);
    }

    private static Read map(Record r) {
        ConsignmentFacts consignment = new ConsignmentFacts(Consignment.from(r.get("consignment")),
                r.get("importerName").isNull() ? null : r.get("importerName").asString(),
                column(r, "supervisions", InspectionFact::from), column(r, "importerBlacklistings", BlacklistFact::from));
        Map<String, CodeFacts> codes = new HashMap<>();
        for (Value code : column(r, "codes", v -> v)) {
            codes.put(code.get("path").asString(), CodeFacts.from(code));
        }
        return new Read(consignment, codes);
    }

    private static <T> List<T> column(Record r, String key, Function<Value, T> mapper) {
        Value x = r.get(key);
        return x.isNull() ? List.of() : x.asList(mapper::apply);
    }
}
