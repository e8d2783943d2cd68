package io.crosstrace.hub.scan.activity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/**
 * Evaluates the clone rules for the codes of one written batch of scans, in the transaction that wrote them. Each
 * rule is one parameterised aggregation over all those codes, anchored on each code's element id (a direct read,
 * where the unique index on {@code TraceCode.path} would cost a seek in ten million entries per code and rule) and
 * walking only the code's own scans; a code already flagged for a rule is skipped for it, so a flagged code costs
 * nothing more. A rule is not asked about a code its scans cannot flag: {@code MANY_CLIENTS} needs more scans than
 * the allowed clients, {@code FAR_APART} a new located scan and another scan; most scanned codes meet neither. It only
 * reads: {@link CloneFlagWriter} stores what it finds.
 */
final class CloneDetector {

    /** Mean Earth radius (IUGG), for the haversine distance. */
    static final double EARTH_RADIUS_KM = 6371.0088;

    private static final String NOT_FLAGGED = "NOT EXISTS { (code)<-[:FLAGS]-(:CloneFlag {rule: $rule}) }";

    /**
     * The window that ends at the code's latest scan in the batch. Scans are recorded as they happen, so
     * every window that ends at a scan is checked, to within one batch.
     */
    private static final String MANY_CLIENTS = """
            UNWIND $codes AS touched
            MATCH (code:TraceCode)
            WHERE elementId(code) = touched.id AND %s
            MATCH (code)<-[:SCANNED]-(s:ScanEvent)
            WHERE touched.to - $window < s.scannedAt <= touched.to
            WITH code, count(DISTINCT s.clientHash) AS clients, min(s.scannedAt) AS firstAt, max(s.scannedAt) AS lastAt
            WHERE clients > $maxClients
            RETURN elementId(code) AS id, code.path AS path, clients, firstAt, lastAt""".formatted(NOT_FLAGGED);

    /** Every new located scan against every located scan of the code within the window; the farthest pair. */
    private static final String FAR_APART = """
            UNWIND $codes AS touched
            MATCH (code:TraceCode)
            WHERE elementId(code) = touched.id AND %s
            MATCH (code)<-[:SCANNED]-(a:ScanEvent)
            WHERE touched.from <= a.scannedAt <= touched.to AND a.latitude IS NOT NULL AND a.longitude IS NOT NULL
            MATCH (code)<-[:SCANNED]-(b:ScanEvent)
            WHERE b <> a AND b.latitude IS NOT NULL AND b.longitude IS NOT NULL
              AND a.scannedAt - $window <= b.scannedAt <= a.scannedAt + $window
            WITH code, a, b, haversin(radians(b.latitude - a.latitude))
                 + cos(radians(a.latitude)) * cos(radians(b.latitude)) * haversin(radians(b.longitude - a.longitude)) AS h
            WITH code, a, b, 2 * $earthRadiusKm * asin(sqrt(CASE WHEN h > 1.0 THEN 1.0 ELSE h END)) AS km
            WHERE km > $maxKm
            WITH code, km,
                 CASE WHEN a.scannedAt <= b.scannedAt THEN a.scannedAt ELSE b.scannedAt END AS firstAt,
                 CASE WHEN a.scannedAt <= b.scannedAt THEN b.scannedAt ELSE a.scannedAt END AS secondAt
            ORDER BY km DESC
            WITH code, collect({km: km, firstAt: firstAt, secondAt: secondAt})[0] AS farthest
            RETURN elementId(code) AS id, code.path AS path, farthest.km AS km, farthest.firstAt AS firstAt, farthest.secondAt AS secondAt"""
            .formatted(NOT_FLAGGED);

    /**
     * Only batches that were declared: an undeclared batch is NOT_SHIPPED_HERE instead. A RELEASED
     * consignment without a release date releases the batch at an unknown day, which flags nothing.
     */
    private static final String BEFORE_RELEASE = """
            UNWIND $codes AS touched
            MATCH (code:TraceCode)<-[:HAS_UNIT]-(b:Batch)
            WHERE elementId(code) = touched.id AND %s AND EXISTS { (b)<-[:DECLARES]-(:Consignment) }
            CALL (b) {
              MATCH (b)<-[:DECLARES]-(c:Consignment)
              WITH c ORDER BY c.declarationNumber
              RETURN collect(c{.declarationNumber, .status}) AS declarations,
                     count(CASE WHEN c.status = 'RELEASED' THEN 1 END) AS released,
                     min(CASE WHEN c.status = 'RELEASED' THEN c.releasedOn END) AS releasedOn
            }
            MATCH (code)<-[:SCANNED]-(s:ScanEvent)
            WHERE touched.from <= s.scannedAt <= touched.to
              AND (released = 0 OR date(datetime({datetime: s.scannedAt, timezone: $zone})) < releasedOn)
            WITH code, b, declarations, released, releasedOn, min(s.scannedAt) AS firstAt
            RETURN elementId(code) AS id, code.path AS path, b.lot AS lot, declarations, released, releasedOn, firstAt""".formatted(NOT_FLAGGED);

    /** Every consignment is an import into the market this hub serves, so any declaration counts. */
    private static final String NOT_SHIPPED_HERE = """
            UNWIND $codes AS touched
            MATCH (code:TraceCode)<-[:HAS_UNIT]-(b:Batch)
            WHERE elementId(code) = touched.id AND %s AND NOT EXISTS { (b)<-[:DECLARES]-(:Consignment) }
            RETURN elementId(code) AS id, code.path AS path, b.lot AS lot, EXISTS { (b)<-[:CARRIES]-(:Shipment) } AS shipped"""
            .formatted(NOT_FLAGGED);

    private final ScanProperties.Clone settings;
    private final ZoneId marketZone;
    private final CloneReasons reasons;

    CloneDetector(ScanProperties.Clone settings, ZoneId marketZone) {
        this.settings = settings;
        this.marketZone = marketZone;
        this.reasons = new CloneReasons(marketZone);
    }

    boolean evaluatesAnyRule() {
        return !settings.rules().isEmpty();
    }

    /** The rules that fire for these codes, at most one finding per rule and code. */
    List<CloneFinding> evaluate(TransactionContext tx, List<TouchedCode> codes) {
        List<CloneFinding> findings = new ArrayList<>();
        if (settings.evaluates(CloneRule.MANY_CLIENTS)) {
            List<Map<String, Object>> touched = touched(codes, c -> c.allScans() > settings.maxClients());
            if (!touched.isEmpty()) {
                Map<String, Object> p = parameters(CloneRule.MANY_CLIENTS, touched);
                p.put("window", settings.clientWindow());
                p.put("maxClients", settings.maxClients());
                findings.addAll(run(tx, MANY_CLIENTS, p, CloneRule.MANY_CLIENTS, r -> reasons.manyClients(
                        r.get("clients").asLong(), settings.clientWindow(), instant(r.get("firstAt")),
                        instant(r.get("lastAt")), settings.maxClients())));
            }
        }
        if (settings.evaluates(CloneRule.FAR_APART)) {
            List<Map<String, Object>> touched = touched(codes, c -> c.newLocated() > 0 && c.allScans() > 1);
            if (!touched.isEmpty()) {
                Map<String, Object> p = parameters(CloneRule.FAR_APART, touched);
                p.put("window", settings.distanceWindow());
                p.put("maxKm", settings.maxDistanceKm());
                p.put("earthRadiusKm", EARTH_RADIUS_KM);
                findings.addAll(run(tx, FAR_APART, p, CloneRule.FAR_APART, r -> reasons.farApart(
                        r.get("km").asDouble(), instant(r.get("firstAt")), instant(r.get("secondAt")))));
            }
        }
        List<Map<String, Object>> all = touched(codes, c -> true);
        if (settings.evaluates(CloneRule.BEFORE_RELEASE) && !all.isEmpty()) {
            Map<String, Object> p = parameters(CloneRule.BEFORE_RELEASE, all);
            p.put("zone", marketZone.getId());
            findings.addAll(run(tx, BEFORE_RELEASE, p, CloneRule.BEFORE_RELEASE, this::beforeRelease));
        }
        if (settings.evaluates(CloneRule.NOT_SHIPPED_HERE) && !all.isEmpty()) {
            Map<String, Object> p = parameters(CloneRule.NOT_SHIPPED_HERE, all);
            findings.addAll(run(tx, NOT_SHIPPED_HERE, p, CloneRule.NOT_SHIPPED_HERE,
                    r -> reasons.notShippedHere(r.get("lot").asString(), r.get("shipped").asBoolean())));
        }
        return findings;
    }

    private static List<Map<String, Object>> touched(List<TouchedCode> codes, Predicate<TouchedCode> flaggable) {
        return codes.stream().filter(flaggable).map(CloneDetector::touchedParameters).toList();
    }

    private CloneReasons.Reason beforeRelease(Record r) {
        String lot = r.get("lot").asString();
        Instant firstAt = instant(r.get("firstAt"));
        if (r.get("released").asLong() > 0) {
            return reasons.scannedBeforeRelease(lot, firstAt, r.get("releasedOn").asLocalDate());
        }
        return reasons.scannedWhileNotReleased(lot, firstAt, r.get("declarations").asList(
                d -> new CloneReasons.Declaration(d.get("declarationNumber").asString(), d.get("status").asString())));
    }

    private static List<CloneFinding> run(TransactionContext tx, String cypher, Map<String, Object> parameters,
            CloneRule rule, Function<Record, CloneReasons.Reason> reason) {
        return tx.run(cypher, parameters).list(r -> {
            CloneReasons.Reason text = reason.apply(r);
            return new CloneFinding(r.get("id").asString(), r.get("path").asString(), rule, text.en(), text.zh());
        });
    }

    private static Map<String, Object> parameters(CloneRule rule, List<Map<String, Object>> touched) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("rule", rule.name());
        parameters.put("codes", touched);
        return parameters;
    }

    private static Map<String, Object> touchedParameters(TouchedCode code) {
        return Map.of("id", code.id(),
                "from", OffsetDateTime.ofInstant(code.firstScan(), ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(code.lastScan(), ZoneOffset.UTC));
    }

    static Instant instant(Value value) {
        return value.asZonedDateTime().toInstant();
    }
}
