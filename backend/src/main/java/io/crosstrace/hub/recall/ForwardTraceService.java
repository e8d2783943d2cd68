package io.crosstrace.hub.recall;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.Edge;
import io.crosstrace.hub.graphql.PageInfo;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.recall.ForwardTrace.CellScans;
import io.crosstrace.hub.recall.ForwardTrace.CountryScans;
import io.crosstrace.hub.recall.ForwardTrace.ScanSummary;
import io.crosstrace.hub.recall.ForwardTrace.TracedConsignment;
import io.crosstrace.hub.recall.ForwardTrace.TracedShipment;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/**
 * The forward trace of a batch in one statement. It has to stay fast for batches of 100,000 units: the units are
 * counted from the batch's relationship count, walked once to find those with scans (a relationship check, no scan
 * is read), and only the scanned units' scan events are read, twice (per country, per cell). On 100,000 units
 * with 30,000 scans, roughly: the walk over the units takes two fifths of the time, reading the scans and grouping
 * them the rest.
 */
@Service
@Transactional(readOnly = true)
public class ForwardTraceService {

    /** Cells listed at most; a batch scanned in more places than this is summarised by country anyway. */
    static final int MAX_CELLS = 1000;

    /** The forward trace, with the {@link #parameters}. Public so the benchmark can run it raw as its floor. */
    public static final String FORWARD_TRACE_CYPHER = """
            MATCH (b:Batch {gtin: $gtin, lot: $lot})
            WHERE %s
            CALL (b) {
              // HAS_UNIT leads only to unit codes and SCANNED comes only from scan events: no label checks needed.
              MATCH (b)-[:HAS_UNIT]->(c)
              WHERE EXISTS { (c)<-[:SCANNED]-() }
              RETURN collect(c) AS scanned
            }
            CALL (scanned) {
              UNWIND scanned AS c
              MATCH (c)<-[:SCANNED]-(s)
              WITH s.country AS country, count(*) AS scans, count(DISTINCT c) AS units
              ORDER BY scans DESC, country
              RETURN collect({country: country, scans: scans, units: units}) AS byCountry, sum(scans) AS totalScans
            }
            CALL (scanned) {
              UNWIND scanned AS c
              MATCH (c)<-[:SCANNED]-(s)
              WHERE s.latitude IS NOT NULL AND s.longitude IS NOT NULL
              // Scans only: counting distinct units per cell as well made the whole trace about a fifth slower.
              WITH toInteger(floor(s.latitude)) AS latitude, toInteger(floor(s.longitude)) AS longitude, count(*) AS scans
              ORDER BY scans DESC, latitude, longitude
              RETURN collect({latitude: latitude, longitude: longitude, scans: scans})[..$maxCells] AS byCell,
                     sum(scans) AS locatedScans
            }
            RETURN b{.*, premisesGln: [(pr:Premises)-[:PRODUCED]->(b) | pr.gln][0]} AS batch,
                   COUNT { (b)-[:HAS_UNIT]->() } AS units,
                   size(scanned) AS scannedUnits, totalScans, locatedScans, byCountry, byCell,
                   [(b)<-[q:CARRIES]-(s:Shipment) | {shipment: %s, quantity: q.quantity}] AS shipments,
                   [(b)<-[q:DECLARES]-(c:Consignment) | {consignment: %s, quantity: q.quantity}] AS consignments,
                   COLLECT { MATCH (b)<-[:DECLARES]-(:Consignment)<-[:IMPORTS]-(o:Organization)
                             RETURN DISTINCT o.gln AS gln ORDER BY gln } AS importers,
                   COLLECT { MATCH (b)<-[:DECLARES]-(:Consignment)-[:ARRIVES_AT]->(l:Location) RETURN l{.*} AS l
                             UNION
                             MATCH (b)<-[:CARRIES]-(:Shipment)-[:BOUND_FOR]->(l:Location) RETURN l{.*} AS l } AS ports"""
            .formatted(RecallAccess.traceable("b"), Shipment.PROJECTION, Consignment.PROJECTION);

    /**
     * A page of a batch's units in code order, straight from the unique index on the path: a range seek between the
     * last path of the previous page and the end of the batch's paths, so the 1,000th page costs what the first does.
     */
    private static final String UNITS = """
            MATCH (c:TraceCode) WHERE c.path > $after AND c.path < $end
            RETURN c.path AS path, c.serial AS serial, COUNT { (c)<-[:SCANNED]-() } AS scans
            ORDER BY c.path LIMIT $limit""";
    private static final String CURSOR_PREFIX = "unit:";

    private final GraphReads graph;

    ForwardTraceService(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * The batch's forward trace; empty when there is no such batch. For platform administrators, analysts, port
     * inspectors, and the producer of the batch.
     *
     * @throws AccessDeniedException any other caller, and a producer asking for a batch that is not its own
     *                               (whether or not it exists, so the answer tells nothing)
     */
    public Optional<ForwardTrace> forwardTrace(Gtin gtin, LotNumber lot) {
        Actor actor = CurrentActor.require(RecallAccess.TRACE_ROLES);
        Optional<ForwardTrace> trace = graph.one(FORWARD_TRACE_CYPHER, parameters(actor, gtin.value(), lot.value()),
                ForwardTraceService::trace);
        if (trace.isEmpty() && !RecallAccess.isAuthority(actor)) {
            throw new AccessDeniedException("You may trace only the batches you produce");
        }
        return trace;
    }

    /** The parameters of {@link #FORWARD_TRACE_CYPHER} for this caller and batch; public for the benchmark. */
    public static Map<String, Object> parameters(Actor actor, String gtin, String lot) {
        Map<String, Object> p = RecallAccess.parameters(actor);
        p.put("gtin", gtin);
        p.put("lot", lot);
        p.put("maxCells", MAX_CELLS);
        return p;
    }

    /**
     * A page of the batch's units in code order. The caller got the trace, so it may page its units. Cursors name the
     * last unit of a page (keyset paging), not an offset.
     *
     * @param unitCount the trace's unit count, for {@code totalCount}
     */
    Connection<TracedUnit> units(Batch batch, long unitCount, Integer first, String after) {
        int size = PageRequest.of(first, null).first();
        // Every unit path of the batch starts with this; '0' follows '/', so every such path sorts before prefix + "0".
        String prefix = new DigitalLink(Gtin.parse(batch.gtin()), null, new LotNumber(batch.lot()), null).path() + "/21/";
        String from = after == null ? prefix : pathOf(after, prefix);
        List<TracedUnit> rows = graph.list(UNITS, Map.of("after", from, "end", prefix.substring(0, prefix.length() - 1) + "0",
                "limit", size + 1), r -> new TracedUnit(r.get("path").asString(), r.get("serial").asString(null), r.get("scans").asLong()));
        boolean hasNext = rows.size() > size;
        List<Edge<TracedUnit>> edges = rows.subList(0, Math.min(size, rows.size())).stream()
                .map(unit -> new Edge<>(cursorOf(unit.path()), unit)).toList();
        return new Connection<>(edges, new PageInfo(hasNext, after != null, edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor()), unitCount);
    }

    private static String cursorOf(String path) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + path).getBytes(StandardCharsets.UTF_8));
    }

    private static String pathOf(String cursor, String prefix) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(CURSOR_PREFIX + prefix)) {
                return decoded.substring(CURSOR_PREFIX.length());
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new BadInputException("Malformed cursor: '" + cursor + "'");
    }

    private static ForwardTrace trace(Record r) {
        List<TracedShipment> shipments = r.get("shipments").asList(v -> new TracedShipment(Shipment.from(v.get("shipment")),
                v.get("quantity").asLong(0))).stream()
                .sorted(Comparator.comparing((TracedShipment s) -> s.shipment().departedOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(s -> s.shipment().number()))
                .toList();
        List<TracedConsignment> consignments = r.get("consignments").asList(v -> new TracedConsignment(
                Consignment.from(v.get("consignment")), v.get("quantity").asLong(0))).stream()
                .sorted(Comparator.comparing((TracedConsignment c) -> c.consignment().declaredOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(c -> c.consignment().declarationNumber()))
                .toList();
        List<Location> ports = r.get("ports").asList(Location::from).stream().sorted(Comparator.comparing(Location::gln)).toList();
        ScanSummary scans = new ScanSummary(r.get("scannedUnits").asLong(), r.get("totalScans").asLong(),
                r.get("locatedScans").asLong(),
                r.get("byCountry").asList(v -> new CountryScans(v.get("country").asString(null), v.get("scans").asLong(),
                        v.get("units").asLong())),
                r.get("byCell").asList(v -> new CellScans(v.get("latitude").asInt(), v.get("longitude").asInt(),
                        v.get("scans").asLong())));
        return new ForwardTrace(Batch.from(r.get("batch")), r.get("units").asLong(), shipments, consignments,
                r.get("importers").asList(Value::asString), ports, scans);
    }
}
