package io.crosstrace.hub.explore;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.Visibility;

/**
 * The figures behind the analysts' dashboards, each one aggregate statement: scans per day and by country, consignments
 * by status, port decisions, clone alerts per day, failed inspections per producer. Analysts and platform
 * administrators only; consignments and inspections pass the visibility rules.
 */
@Service
@Transactional(readOnly = true)
public class DashboardService {

    /** One bar or slice: what it counts and how many. */
    public record Count(String label, long value) {
    }

    private final Neo4jClient neo4j;
    private final Clock clock;

    DashboardService(Neo4jClient neo4j) {
        this.neo4j = neo4j;
        this.clock = Clock.systemUTC();
    }

    /** Consumer scans per day over the last {@code days} days (days without scans are left out). */
    public List<Count> scansPerDay(int days) {
        return counts("""
                MATCH (s:ScanEvent) WHERE s.scannedAt >= $since
                RETURN toString(date(s.scannedAt)) AS label, count(*) AS value ORDER BY label""", since(days));
    }

    /** Consumer scans by the country they were made in (UNKNOWN when the scan had no location). */
    public List<Count> scansByCountry(int days) {
        return counts("""
                MATCH (s:ScanEvent) WHERE s.scannedAt >= $since
                RETURN coalesce(s.country, 'UNKNOWN') AS label, count(*) AS value ORDER BY value DESC, label LIMIT 20""",
                since(days));
    }

    public List<Count> consignmentsByStatus() {
        return counts("MATCH (c:Consignment) WHERE " + Visibility.consignment("c")
                + " RETURN c.status AS label, count(*) AS value ORDER BY label", Map.of());
    }

    /**
     * Consignments by the port's latest recorded verdict (GREEN, AMBER, RED), and those never verified
     * ({@code NOT_VERIFIED}); see {@code PortVerdictRecords}.
     */
    public List<Count> consignmentsByVerdict() {
        return counts("MATCH (c:Consignment) WHERE " + Visibility.consignment("c")
                + " RETURN coalesce(c.portVerdict, 'NOT_VERIFIED') AS label, count(*) AS value ORDER BY label", Map.of());
    }

    /** The port's decisions, as recorded (PASS for a release, FAIL for a hold or a rejection). */
    public List<Count> portDecisions() {
        return counts("MATCH (i:Inspection {kind: 'PORT_VERIFICATION'}) WHERE " + Visibility.inspection("i")
                + " RETURN coalesce(i.result, 'NONE') AS label, count(*) AS value ORDER BY label", Map.of());
    }

    /** Clone alerts raised per day over the last {@code days} days. */
    public List<Count> cloneAlertsPerDay(int days) {
        return counts("""
                MATCH (f:CloneFlag) WHERE f.flaggedAt >= $since
                RETURN toString(date(f.flaggedAt)) AS label, count(*) AS value ORDER BY label""", since(days));
    }

    /** Failed inspections of each producer's premises and batches, most first. */
    public List<Count> failedInspectionsByProducer() {
        return counts("""
                MATCH (o:Organization)-[:OPERATES]->(p:Premises)
                MATCH (i:Inspection {result: 'FAIL'})-[:OF]->(x)
                WHERE (x = p OR (p)-[:PRODUCED]->(x)) AND %s
                RETURN o.name AS label, count(DISTINCT i) AS value ORDER BY value DESC, label LIMIT 20"""
                .formatted(Visibility.inspection("i")), Map.of());
    }

    private Map<String, Object> since(int days) {
        return Map.of("since", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)
                .minusDays(Math.max(1, Math.min(days, 366))));
    }

    private List<Count> counts(String cypher, Map<String, Object> parameters) {
        Actor actor = CurrentActor.require(Role.ANALYST, Role.PLATFORM_ADMIN);
        Map<String, Object> all = new HashMap<>(parameters);
        all.putAll(Visibility.parameters(actor));
        return List.copyOf(neo4j.query(cypher).bindAll(all).fetchAs(Count.class)
                .mappedBy((types, r) -> new Count(r.get("label").asString("?"), r.get("value").asLong())).all());
    }

}
