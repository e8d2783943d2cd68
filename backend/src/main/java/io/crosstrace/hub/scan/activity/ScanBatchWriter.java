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
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.neo4j.driver.exceptions.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one batch of scans with a single UNWIND statement and evaluates the clone rules for the codes in it, in one
 * managed write transaction (the driver retries it on transient errors). The rules find each code by the element id
 * the write found it under, not again through the ten-million-entry path index, and one commit serves both.
 *
 * <p>A failing rule must not lose the scans: when the transaction fails for a reason retrying cannot cure (a rule's
 * statement refused, say), the scans are written again on their own, and the rules run again with each code's next
 * scan.
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
            WITH code, min(s.scannedAt) AS firstScan, max(s.scannedAt) AS lastScan, count(s) AS written,
                 count(s.latitude) AS located
            RETURN elementId(code) AS id, code.path AS path, firstScan, lastScan, written, located,
                   COUNT { (code)<-[:SCANNED]-() } AS allScans""";

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
            if (!detector.evaluatesAnyRule()) {
                return session.executeWrite(tx -> outcome(scans, createScans(tx, rows), 0));
            }
            try {
                return session.executeWrite(tx -> {
                    List<Written> perCode = createScans(tx, rows);
                    List<TouchedCode> touched = perCode.stream().map(Written::code).toList();
                    int raised = touched.isEmpty() ? 0 : flags.write(tx, detector.evaluate(tx, touched), clock.instant());
                    return outcome(scans, perCode, raised);
                });
            } catch (ClientException | DatabaseException e) {
                log.warn("Clone rules failed for a batch of {} scans; writing the scans without them", scans.size(), e);
                return session.executeWrite(tx -> outcome(scans, createScans(tx, rows), 0));
            }
        }
    }

    private static List<Written> createScans(TransactionContext tx, List<Map<String, Object>> rows) {
        return tx.run(CREATE_SCANS, Map.of("scans", rows)).list(r -> new Written(new TouchedCode(r.get("id").asString(),
                r.get("path").asString(), CloneDetector.instant(r.get("firstScan")), CloneDetector.instant(r.get("lastScan")),
                r.get("located").asLong(), r.get("allScans").asLong()), r.get("written").asInt()));
    }

    private static Outcome outcome(List<ScanRecord> scans, List<Written> perCode, int flagsRaised) {
        int written = perCode.stream().mapToInt(Written::scans).sum();
        return new Outcome(written, scans.size() - written, flagsRaised);
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
