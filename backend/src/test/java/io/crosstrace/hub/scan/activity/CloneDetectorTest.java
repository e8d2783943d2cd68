package io.crosstrace.hub.scan.activity;

import static io.crosstrace.hub.scan.activity.ScanTestCodes.locatedScan;
import static io.crosstrace.hub.scan.activity.ScanTestCodes.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.HubIntegrationTest;

/** The rule evaluator on its own, built with test thresholds, over scans written without evaluating rules. */
@HubIntegrationTest
class CloneDetectorTest {

    @Autowired
    Driver driver;
    @Autowired
    ScanInsightsReader reader;

    @Test
    void many_clients_uses_the_configured_threshold_and_window() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        write(scan(code.path(), at, 1), scan(code.path(), at.plus(Duration.ofMinutes(20)), 2),
                scan(code.path(), at.plus(Duration.ofMinutes(40)), 3));
        TouchedCode touched = touched(code.path(), at, at.plus(Duration.ofMinutes(40)));

        CloneDetector twoPerHour = detector(ScanTestCodes.rules(2, Duration.ofHours(1), 500, Duration.ofHours(6),
                EnumSet.of(CloneRule.MANY_CLIENTS)));
        CloneDetector twoPerHalfHour = detector(ScanTestCodes.rules(2, Duration.ofMinutes(30), 500, Duration.ofHours(6),
                EnumSet.of(CloneRule.MANY_CLIENTS)));
        CloneDetector threePerHour = detector(ScanTestCodes.rules(3, Duration.ofHours(1), 500, Duration.ofHours(6),
                EnumSet.of(CloneRule.MANY_CLIENTS)));

        assertThat(evaluate(twoPerHour, touched)).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(CloneRule.MANY_CLIENTS);
            assertThat(finding.reason()).contains("3 different devices within 1 h");
        });
        assertThat(evaluate(twoPerHalfHour, touched)).as("only 2 clients in the last 30 min").isEmpty();
        assertThat(evaluate(threePerHour, touched)).isEmpty();
    }

    @Test
    void far_apart_measures_great_circle_distance_against_the_configured_limit() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        write(locatedScan(code.path(), at, 1, ScanTestCodes.SHANGHAI),
                locatedScan(code.path(), at.plus(Duration.ofHours(3)), 1, ScanTestCodes.BEIJING));
        TouchedCode touched = touched(code.path(), at, at.plus(Duration.ofHours(3)));

        List<CloneFinding> within1000 = evaluate(detector(ScanTestCodes.rules(5, Duration.ofHours(24), 1000,
                Duration.ofHours(6), EnumSet.of(CloneRule.FAR_APART))), touched);
        List<CloneFinding> within1100 = evaluate(detector(ScanTestCodes.rules(5, Duration.ofHours(24), 1100,
                Duration.ofHours(6), EnumSet.of(CloneRule.FAR_APART))), touched);
        List<CloneFinding> withinTwoHours = evaluate(detector(ScanTestCodes.rules(5, Duration.ofHours(24), 1000,
                Duration.ofHours(2), EnumSet.of(CloneRule.FAR_APART))), touched);

        assertThat(within1000).singleElement().satisfies(finding -> {
            // Shanghai to Beijing is about 1,067 km along the great circle.
            Matcher km = Pattern.compile("([0-9],[0-9]{3}) km apart within 3 h").matcher(finding.reason());
            assertThat(km.find()).as(finding.reason()).isTrue();
            assertThat(Integer.parseInt(km.group(1).replace(",", ""))).isBetween(1055, 1080);
        });
        assertThat(within1100).isEmpty();
        assertThat(withinTwoHours).as("three hours apart is outside a two-hour window").isEmpty();
    }

    @Test
    void only_the_configured_rules_are_evaluated_and_evaluating_writes_nothing() {
        ScanTestCodes.Code code = ScanTestCodes.undeclared(driver);
        Instant at = Instant.parse("2026-11-21T03:00:00Z");
        write(scan(code.path(), at, 1));
        TouchedCode touched = touched(code.path(), at, at);

        assertThat(evaluate(detector(ScanTestCodes.rules(5, Duration.ofHours(24), 500, Duration.ofHours(6),
                EnumSet.of(CloneRule.MANY_CLIENTS, CloneRule.FAR_APART))), touched)).isEmpty();
        assertThat(evaluate(detector(ScanTestCodes.defaultRules()), touched))
                .extracting(CloneFinding::rule).containsExactly(CloneRule.NOT_SHIPPED_HERE);
        assertThat(reader.insights(List.of(code.path())).get(code.path()).flags()).isEmpty();
    }

    @Test
    void a_code_already_flagged_for_a_rule_is_not_evaluated_for_it_again() {
        ScanTestCodes.Code code = ScanTestCodes.undeclared(driver);
        Instant at = Instant.parse("2026-11-21T04:00:00Z");
        write(scan(code.path(), at, 1));
        TouchedCode touched = touched(code.path(), at, at);
        CloneDetector detector = detector(ScanTestCodes.defaultRules());
        List<CloneFinding> findings = evaluate(detector, touched);
        try (Session session = driver.session()) {
            int created = session.executeWrite(tx -> new CloneFlagWriter().write(tx, findings, Instant.now()));
            assertThat(created).isEqualTo(1);
        }

        assertThat(evaluate(detector, touched)).isEmpty();
    }

    @Test
    void a_batch_whose_rules_fail_keeps_its_scans() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        // A window no date can be moved by: the rule's statement fails with an arithmetic error.
        CloneDetector failing = detector(ScanTestCodes.rules(5, Duration.ofSeconds(Long.MAX_VALUE / 2), 500,
                Duration.ofHours(6), EnumSet.of(CloneRule.MANY_CLIENTS)));
        ScanBatchWriter writer = new ScanBatchWriter(driver, null, ClientFingerprint.withSalt("test"), failing,
                Clock.systemUTC());

        ScanBatchWriter.Outcome outcome = writer.write(List.of(scan(code.path(), at, 1), scan(code.path(), at, 2)));

        assertThat(outcome).isEqualTo(new ScanBatchWriter.Outcome(2, 0, 0));
        assertThat(reader.insights(List.of(code.path())).get(code.path()).scanCount()).isEqualTo(2);
    }

    @Test
    void rules_its_scans_cannot_satisfy_are_not_asked_about_a_code() {
        ScanTestCodes.Code code = ScanTestCodes.released(driver);
        Instant at = code.afterRelease();
        write(scan(code.path(), at, 1));
        TouchedCode once = touched(code.path(), at, at);
        write(locatedScan(code.path(), at.plus(Duration.ofMinutes(5)), 2, ScanTestCodes.SHANGHAI));
        TouchedCode locatedSecond = touched(code.path(), at.plus(Duration.ofMinutes(5)), at.plus(Duration.ofMinutes(5)));
        CloneDetector detector = detector(ScanTestCodes.defaultRules());

        assertThat(statementsAsked(detector, once)).as("only the two rules about the batch").isEqualTo(2);
        assertThat(statementsAsked(detector, locatedSecond)).as("and FAR_APART, for a second scan with a location")
                .isEqualTo(3);
        assertThat(statementsAsked(detector(ScanTestCodes.rules(1, Duration.ofHours(24), 500, Duration.ofHours(6),
                EnumSet.of(CloneRule.MANY_CLIENTS))), locatedSecond)).as("two scans can be two clients").isEqualTo(1);
    }

    private int statementsAsked(CloneDetector detector, TouchedCode touched) {
        AtomicInteger statements = new AtomicInteger();
        try (Session session = driver.session()) {
            session.executeRead(tx -> detector.evaluate((TransactionContext) Proxy.newProxyInstance(
                    TransactionContext.class.getClassLoader(), new Class<?>[] {TransactionContext.class}, (proxy, method, args) -> {
                        if (method.getName().equals("run")) {
                            statements.incrementAndGet();
                        }
                        return method.invoke(tx, args);
                    }), List.of(touched)));
        }
        return statements.get();
    }

    /** The code as the writer reports it after writing the scans between {@code from} and {@code to}. */
    private TouchedCode touched(String path, Instant from, Instant to) {
        var code = driver.executableQuery("""
                MATCH (c:TraceCode {path: $path})
                RETURN elementId(c) AS id, COUNT { (c)<-[:SCANNED]-() } AS allScans,
                       COUNT { (c)<-[:SCANNED]-(s) WHERE $from <= s.scannedAt <= $to AND s.latitude IS NOT NULL } AS located""")
                .withParameters(java.util.Map.of("path", path, "from", from.atOffset(java.time.ZoneOffset.UTC),
                        "to", to.atOffset(java.time.ZoneOffset.UTC)))
                .execute().records().getFirst();
        return new TouchedCode(code.get("id").asString(), path, from, to, code.get("located").asLong(),
                code.get("allScans").asLong());
    }

    private CloneDetector detector(ScanProperties.Clone rules) {
        return new CloneDetector(rules, ScanTestCodes.MARKET);
    }

    private List<CloneFinding> evaluate(CloneDetector detector, TouchedCode touched) {
        try (Session session = driver.session()) {
            return session.executeRead(tx -> detector.evaluate(tx, List.of(touched)));
        }
    }

    /** Writes scans as the recorder does, with no rule evaluated. */
    private void write(ScanRecord... scans) {
        ScanRecorder writeOnly = new ScanRecorder(driver, null, ScanTestCodes.properties(100,
                ScanTestCodes.rules(5, Duration.ofHours(24), 500, Duration.ofHours(6), Set.of())), reader,
                Clock.systemUTC(), null);
        for (ScanRecord scan : scans) {
            writeOnly.record(scan);
        }
        writeOnly.close();
    }
}
