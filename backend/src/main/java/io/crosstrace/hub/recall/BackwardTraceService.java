package io.crosstrace.hub.recall;

import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.recall.BackwardTrace.PremisesSibling;
import io.crosstrace.hub.recall.BackwardTrace.ShipmentSibling;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/**
 * The backward trace of a unit, from its code or from a consumer's problem report, in one statement. Sibling
 * batches are those a recall investigation looks at next: made at the same premises around the same time, or
 * carried in the same containers.
 */
@Service
@Transactional(readOnly = true)
public class BackwardTraceService {

    public static final int DEFAULT_WINDOW_DAYS = 30;
    static final int MAX_WINDOW_DAYS = 366;

    private static final String FROM_CODE = """
            MATCH (c:TraceCode {path: $path})<-[:HAS_UNIT]-(b:Batch)
            WITH c, b, null AS report
            """;
    private static final String FROM_REPORT = """
            MATCH (rep:ProblemReport {number: $report})-[:ABOUT]->(c:TraceCode)<-[:HAS_UNIT]-(b:Batch)
            WITH c, b, rep.number AS report
            """;
    /** Siblings the caller could not see otherwise stay hidden from producers (authorities see all). */
    private static final String TRACE = """
            WHERE %1$s
            OPTIONAL MATCH (pr:Premises)-[:PRODUCED]->(b)
            RETURN c.path AS path, c.serial AS serial, COUNT { (c)<-[:SCANNED]-() } AS scans, report,
                   b{.*, premisesGln: pr.gln} AS batch, pr.gln AS premises,
                   [(o:Organization)-[:OPERATES]->(pr) | o.gln][0] AS producer,
                   COLLECT { MATCH (pr)-[:PRODUCED]->(x:Batch)
                             WHERE x <> b
                               AND x.productionDate >= b.productionDate - duration({days: $window})
                               AND x.productionDate <= b.productionDate + duration({days: $window})
                               AND ($r_authority OR %2$s)
                             RETURN {batch: x{.*, premisesGln: pr.gln},
                                     days: duration.inDays(b.productionDate, x.productionDate).days} AS sibling
                             ORDER BY x.productionDate, x.gtin, x.lot } AS premisesSiblings,
                   COLLECT { MATCH (b)<-[:CARRIES]-(s:Shipment)-[:CARRIES]->(x:Batch)
                             WHERE x <> b AND ($r_authority OR %2$s)
                             WITH x, collect(s.number) AS shipments
                             ORDER BY x.gtin, x.lot
                             RETURN {batch: x{.*, premisesGln: [(xp:Premises)-[:PRODUCED]->(x) | xp.gln][0]},
                                     shipments: shipments} AS sibling } AS shipmentSiblings"""
            .formatted(RecallAccess.traceable("b"), Visibility.batch("x"));

    private final GraphReads graph;

    BackwardTraceService(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * Traces a unit from its code (a Digital Link URI or path); empty when no such unit was issued. For platform
     * administrators, analysts, port inspectors, and the producer of the unit's batch.
     *
     * @throws AccessDeniedException any other caller; a producer for a unit that is not its own or does not exist
     */
    public Optional<BackwardTrace> fromCode(String code, int windowDays) {
        Actor actor = CurrentActor.require(RecallAccess.TRACE_ROLES);
        DigitalLink link = DigitalLink.parse(code);
        if (!link.isUnitLevel()) {
            throw new BadInputException("A unit's code has a GTIN, a lot and a serial: /01/{gtin}/10/{lot}/21/{serial}");
        }
        return trace(actor, FROM_CODE, "path", link.path(), windowDays);
    }

    /** Traces the unit a consumer's problem report is about; the same rules as {@link #fromCode}. */
    public Optional<BackwardTrace> fromReport(String reportNumber, int windowDays) {
        Actor actor = CurrentActor.require(RecallAccess.TRACE_ROLES);
        if (reportNumber == null || reportNumber.isBlank()) {
            throw new BadInputException("A problem report number is required");
        }
        return trace(actor, FROM_REPORT, "report", reportNumber.strip(), windowDays);
    }

    private Optional<BackwardTrace> trace(Actor actor, String start, String keyName, String key, int windowDays) {
        if (windowDays < 0 || windowDays > MAX_WINDOW_DAYS) {
            throw new BadInputException("windowDays is 0 to " + MAX_WINDOW_DAYS + " (was " + windowDays + ")");
        }
        Map<String, Object> p = RecallAccess.parameters(actor);
        p.put(keyName, key);
        p.put("window", windowDays);
        Optional<BackwardTrace> trace = graph.one(start + TRACE, p, r -> trace(r, windowDays));
        if (trace.isEmpty() && !RecallAccess.isAuthority(actor)) {
            throw new AccessDeniedException("You may trace only the units of batches you produce");
        }
        return trace;
    }

    private static BackwardTrace trace(Record r, int windowDays) {
        return new BackwardTrace(new TracedUnit(r.get("path").asString(), r.get("serial").asString(null), r.get("scans").asLong()),
                r.get("report").asString(null), Batch.from(r.get("batch")), r.get("premises").asString(null),
                r.get("producer").asString(null), windowDays,
                r.get("premisesSiblings").asList(v -> new PremisesSibling(Batch.from(v.get("batch")), v.get("days").asInt())),
                r.get("shipmentSiblings").asList(v -> new ShipmentSibling(Batch.from(v.get("batch")),
                        v.get("shipments").asList(Value::asString))));
    }
}
