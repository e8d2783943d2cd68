package io.crosstrace.hub.scan.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of scans with a single UNWIND statement in a managed write transaction (the driver
 * retries it on transient errors), then evaluates the clone rules for the codes in it in a second
 * transaction: a failing rule must not lose the scans.
 */
final class ScanBatchWriter {

    private static final Logger log = LoggerFactory.getLogger(ScanBatchWriter.class);

    /** Scans of a path the hub never issued find no code and are not stored. */
    private static final String CREATE_SCANS = """
            UNWIND $scans AS scan
            MATCH (code:TraceCode {path: scan.path})
            CREATE (s:ScanEvent {scannedAt: scan.scannedAt, clientHash: scan.clientHash, language: scan.language})
            SET s.latitude = scan.latitude, s.longitude = scan.longitude, s.country = scan.country
            CREATE (s)-[:SCANNED]->(code)
            RETURN code.path AS path, min(s.scannedAt) AS firstScan, max(s.scannedAt) AS lastScan, count(s) AS written""";

    /** What became of one batch. */
    record Outcome(int written, int unknownCode, int flagsRaised) {
    }

    private record Written(TouchedCode code, int scans) {
    }

    private final Driver driver;
    private final SessionConfig sessionConfig;
    private final ClientFingerprint fingerprint;
    private final CloneDetector detector;
    private final CloneFlagWriter flags = new CloneFlagWriter();
    private final Clock clock;

    ScanBatchWriter(Driver driver, String database, ClientFingerprint fingerprint, CloneDetector detector, Clock clock) {
        this.driver = driver;
        this.sessionConfig = database == null ? SessionConfig.defaultConfig() : SessionConfig.forDatabase(database);
        this.fingerprint = fingerprint;
        this.detector = detector;
        this.clock = clock;
    }

    /** Writes the scans; throws when the database refuses them, after the driver's retries. */
    Outcome write(List<ScanRecord> scans) {
        List<Map<String, Object>> rows = scans.stream().map(this::row).toList();
        try (Session session = driver.session(sessionConfig)) {
            List<Written> perCode = session.executeWrite(tx -> tx.run(CREATE_SCANS, Map.of("scans", rows))
                    .list(r -> new Written(new TouchedCode(r.get("path").asString(),
                            CloneDetector.instant(r.get("firstScan")), CloneDetector.instant(r.get("lastScan"))),
                            r.get("written").asInt())));
            int written = perCode.stream().mapToInt(Written::scans).sum();
            List<TouchedCode> touched = perCode.stream().map(Written::code).toList();
            return new Outcome(written, scans.size() - written, detect(session, touched));
        }
    }

    private int detect(Session session, List<TouchedCode> touched) {
        if (touched.isEmpty() || !detector.evaluatesAnyRule()) {
            return 0;
        }
        try {
            return session.executeWrite(tx -> flags.write(tx, detector.evaluate(tx, touched), clock.instant()));
        } catch (RuntimeException e) {
            // The scans are stored; the rules run again with the code's next scan.
            log.warn("Clone rules failed for {} codes", touched.size(), e);
            return 0;
        }
    }

    private Map<String, Object> row(ScanRecord scan) {
        Map<String, Object> row = new HashMap<>();
        row.put("path", scan.codePath());
        row.put("scannedAt", OffsetDateTime.ofInstant(scan.scannedAt(), ZoneOffset.UTC));
        row.put("clientHash", fingerprint.of(scan.clientAddress(), scan.userAgent()));
        row.put("language", scan.language());
        row.put("latitude", scan.latitude());
        row.put("longitude", scan.longitude());
        row.put("country", scan.country());
        return row;
    }
}
