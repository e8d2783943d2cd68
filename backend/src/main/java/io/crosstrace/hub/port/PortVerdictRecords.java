package io.crosstrace.hub.port;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Keeps the latest verdict on the consignment, so the arrivals queue can show GREEN/AMBER/RED beside the risk.
 *
 * <p>{@link PortVerificationService#verify} stays a pure read (the GraphQL {@code portVerification} query must be
 * safe to repeat and keeps its single auto-commit round trip); callers that act on a verdict (the workspace's
 * scan-to-verify and every decision taken on sampled codes) go through {@link #verifyAndRecord}, where the read and
 * the record are one transaction, so a recorded verdict is always one that was computed from committed facts.
 */
@Service
public class PortVerdictRecords {

    private static final String RECORD = """
            MATCH (c:Consignment {declarationNumber: $number})
            SET c.portVerdict = $verdict, c.portVerdictAt = $at, c.portVerdictCodes = $codes""";

    /** Inspectors see verdicts of consignments arriving at their ports only, as in the queue; administrators all. */
    private static final String LATEST = """
            UNWIND $numbers AS number
            MATCH (c:Consignment {declarationNumber: number})
            WHERE c.portVerdict IS NOT NULL
              AND ($everyPort OR EXISTS { (:Organization {gln: $org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c) })
            RETURN number, c.portVerdict AS verdict, c.portVerdictAt AS at, c.portVerdictCodes AS codes""";

    private final PortVerificationService verification;
    private final Neo4jClient neo4j;

    PortVerdictRecords(PortVerificationService verification, Neo4jClient neo4j) {
        this.verification = verification;
        this.neo4j = neo4j;
    }

    /** Verifies as {@link PortVerificationService#verify} does and records the consignment's verdict with it. */
    @Transactional
    public PortVerification verifyAndRecord(String declarationNumber, List<String> codes) {
        PortVerification result = verification.verify(declarationNumber, codes);
        neo4j.query(RECORD).bindAll(Map.of("number", result.consignment().declarationNumber(),
                "verdict", result.verdict().name(), "at", result.verifiedAt(), "codes", result.codes().size())).run();
        return result;
    }

    /** The latest recorded verdict of each of these consignments that has one; port inspectors and administrators. */
    @Transactional(readOnly = true)
    public Map<String, RecordedVerdict> latest(Collection<String> declarationNumbers) {
        Actor actor = CurrentActor.require(Role.INSPECTOR, Role.PLATFORM_ADMIN);
        Map<String, Object> params = new HashMap<>();
        params.put("numbers", List.copyOf(declarationNumbers));
        params.put("everyPort", actor.hasAny(Role.PLATFORM_ADMIN));
        params.put("org", actor.organizationGln());
        Map<String, RecordedVerdict> verdicts = new HashMap<>();
        neo4j.query(LATEST).bindAll(params).fetch().all().forEach(row -> verdicts.put((String) row.get("number"),
                new RecordedVerdict(PortVerdict.valueOf((String) row.get("verdict")), dateTime(row.get("at")),
                        ((Number) row.get("codes")).intValue())));
        return verdicts;
    }

    private static OffsetDateTime dateTime(Object stored) {
        return stored instanceof ZonedDateTime zoned ? zoned.toOffsetDateTime() : (OffsetDateTime) stored;
    }
}
