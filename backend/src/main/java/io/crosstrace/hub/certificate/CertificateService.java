package io.crosstrace.hub.certificate;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.CurrentActor;

/** Reads certificates: by number, filtered lists, and those of many batches or premises at once. */
@Service
@Transactional(readOnly = true)
public class CertificateService {

    private static final String FILTERED = """
            MATCH (c:Certificate)
            WHERE ($status IS NULL OR c.status = $status)
              AND ($kind IS NULL OR c.kind = $kind)
              AND ($validOn IS NULL OR (c.status = 'VALID' AND c.validFrom <= $validOn AND c.validUntil >= $validOn))
              AND ($issuer IS NULL OR EXISTS { (:Organization {gln: $issuer})-[:ISSUED]->(c) })
            """;

    private final GraphReads graph;

    CertificateService(GraphReads graph) {
        this.graph = graph;
    }

    public Optional<Certificate> certificate(String number) {
        return Optional.ofNullable(certificatesByNumber(List.of(number)).get(number));
    }

    public Map<String, Certificate> certificatesByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (c:Certificate) WHERE c.number IN $keys RETURN "
                + Certificate.PROJECTION + " AS c", Map.of("keys", List.copyOf(numbers)),
                r -> Certificate.from(r.get("c"))), Certificate::number);
    }

    public Connection<Certificate> certificates(String status, String kind, String issuerGln, LocalDate validOn,
            PageRequest page, boolean withTotal) {
        return certificates(status, kind, issuerGln, validOn, page, withTotal, CertificateOrder.NUMBER_ASCENDING);
    }

    /** Certificates in the given order (the workspace's sortable grid). */
    public Connection<Certificate> certificates(String status, String kind, String issuerGln, LocalDate validOn,
            PageRequest page, boolean withTotal, CertificateOrder order) {
        CurrentActor.require();
        Map<String, Object> params = new HashMap<>();
        params.put("status", status);
        params.put("kind", kind);
        params.put("issuer", issuerGln);
        params.put("validOn", validOn);
        return graph.page(FILTERED, Certificate.PROJECTION, order.cypher, params, page, withTotal, Certificate::from);
    }

    /** Certificates of each batch (by batch key), in one statement. */
    public Map<String, List<Certificate>> certificatesOfBatches(Collection<String> batchKeys) {
        return graph.grouped("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})<-[:CERTIFIES]-(c:Certificate)
                RETURN k.gtin + '/' + k.lot AS key, %s AS c ORDER BY c.validFrom""".formatted(Certificate.PROJECTION),
                Map.of("keys", batchKeys.stream().map(Batch::keyParameters).toList()), r -> Certificate.from(r.get("c")));
    }

    /** Certificates of each premises (by GLN), in one statement. */
    public Map<String, List<Certificate>> certificatesOfPremises(Collection<String> premisesGlns) {
        return graph.grouped("""
                MATCH (p:Premises)<-[:CERTIFIES]-(c:Certificate) WHERE p.gln IN $keys
                RETURN p.gln AS key, %s AS c ORDER BY c.validFrom""".formatted(Certificate.PROJECTION),
                Map.of("keys", List.copyOf(premisesGlns)), r -> Certificate.from(r.get("c")));
    }
}
