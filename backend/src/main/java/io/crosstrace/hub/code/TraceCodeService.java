package io.crosstrace.hub.code;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.registry.RegistryProjections;

/**
 * Looks up unit codes with the walk from code to origin: batch, product, premises, producer,
 * certificates, inspections, shipments, consignments and port of arrival, in one parameterised statement
 * anchored on the unique {@code TraceCode.path}.
 */
@Service
@Transactional(readOnly = true)
public class TraceCodeService {

    /** The walk from unit codes ($paths) to their origin; public so the benchmark can run it raw as its floor. */
    public static final String CHAIN_CYPHER = """
            UNWIND $paths AS path
            MATCH (code:TraceCode {path: path})<-[:HAS_UNIT]-(b:Batch)
            OPTIONAL MATCH (b)-[:OF_PRODUCT]->(p:Product)
            OPTIONAL MATCH (pr:Premises)-[:PRODUCED]->(b)
            OPTIONAL MATCH (producer:Organization)-[:OPERATES]->(pr)
            WITH code, b, p, pr, producer, [(b)<-[:DECLARES]-(c:Consignment) | c] AS consignments
            RETURN code{.*} AS code,
                   %s AS batch,
                   %s AS product,
                   %s AS premises,
                   %s AS producer,
                   [(b)<-[:CERTIFIES]-(c:Certificate) | %s]
                     + [(pr)<-[:CERTIFIES]-(c:Certificate) | %s] AS certificates,
                   [(pr)<-[:OF]-(i:Inspection) | %s]
                     + [(b)<-[:OF]-(i:Inspection) | %s]
                     + [(b)<-[:CARRIES]-(:Shipment)<-[:OF]-(i:Inspection) | %s]
                     + reduce(acc = [], con IN consignments | acc + [(con)<-[:OF]-(i:Inspection) | %s]) AS inspections,
                   [(b)<-[:CARRIES]-(s:Shipment) | %s] AS shipments,
                   [c IN consignments | %s] AS consignments,
                   [c IN consignments | [(c)-[:ARRIVES_AT]->(l:Location) | l{.*}][0]][0] AS arrivalPort
            """.formatted(Batch.PROJECTION, RegistryProjections.product("p"), RegistryProjections.premises("pr"),
            RegistryProjections.organization("producer"), Certificate.PROJECTION, Certificate.PROJECTION,
            Inspection.PROJECTION, Inspection.PROJECTION, Inspection.PROJECTION, Inspection.PROJECTION,
            Shipment.PROJECTION, Consignment.PROJECTION);

    private final GraphReads graph;

    TraceCodeService(GraphReads graph) {
        this.graph = graph;
    }

    /** The unit a Digital Link names, with its chain; the link must name a unit (GTIN, lot and serial). */
    public Optional<TraceCode> traceCode(DigitalLink link) {
        if (!link.isUnitLevel()) {
            throw new BadInputException("A unit code names a GTIN, a lot and a serial: " + link.path());
        }
        return Optional.ofNullable(traceCodesByPath(List.of(link.path())).get(link.path()));
    }

    public Map<String, TraceCode> traceCodesByPath(Collection<String> paths) {
        return GraphReads.indexBy(graph.list(CHAIN_CYPHER, Map.of("paths", List.copyOf(paths)), TraceCodeService::chain),
                TraceCode::path);
    }

    private static TraceCode chain(Record r) {
        Value code = r.get("code");
        return new TraceCode(str(code, "gtin"), str(code, "lot"), str(code, "serial"), str(code, "path"),
                str(code, "status"), dateTime(code, "issuedAt"),
                Batch.from(r.get("batch")),
                r.get("product").isNull() ? null : RegistryProjections.product(r.get("product")),
                r.get("premises").isNull() ? null : RegistryProjections.premises(r.get("premises")),
                r.get("producer").isNull() ? null : RegistryProjections.organization(r.get("producer")),
                r.get("certificates").asList(Certificate::from),
                r.get("inspections").asList(Inspection::from).stream()
                        .sorted(Comparator.comparing(Inspection::performedOn, Comparator.nullsLast(Comparator.naturalOrder())))
                        .toList(),
                r.get("shipments").asList(Shipment::from),
                r.get("consignments").asList(Consignment::from),
                r.get("arrivalPort").isNull() ? null : Location.from(r.get("arrivalPort")));
    }
}
