package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.gs1.Gtin;

/**
 * A lazy grid over 100,000 rows (the unit codes of one batch) scrolls to its end and renders the last rows; the time
 * from scrolling to the row showing is printed, and every page fetch's time is logged by the view (DEBUG, switched
 * on in the tests' configuration). No timing is asserted: this machine is
 * shared, and benchmarks are separate commands.
 */
class HundredThousandRowsBrowserTest extends BrowserTest {

    static final int UNITS = 100_000;

    @Autowired
    Driver driver;

    private String gtin;
    private final String lot = "BT100K";

    @BeforeAll
    void aBatchOfOneHundredThousandUnits() {
        gtin = Gtin.fromDataDigits("2" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L))).value();
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (p:Product) WITH p ORDER BY p.gtin LIMIT 1
                    CREATE (b:Batch {gtin: $gtin, lot: $lot, quantity: $units, productionDate: date(), expiryDate: date() + duration('P1Y')})
                    CREATE (b)-[:OF_PRODUCT]->(p)""", Map.of("gtin", gtin, "lot", lot, "units", UNITS)).consume();
            // Auto-commit, in chunks: 100,000 units are more than one transaction should hold.
            session.run("""
                    MATCH (b:Batch {gtin: $gtin, lot: $lot})
                    UNWIND range(1, $units) AS i
                    CALL (b, i) {
                      WITH 'U' + right('000000' + toString(i), 6) AS serial
                      CREATE (b)-[:HAS_UNIT]->(:TraceCode {gtin: $gtin, lot: $lot, serial: serial, status: 'ISSUED',
                                                           path: '/01/' + $gtin + '/10/' + $lot + '/21/' + serial})
                    } IN TRANSACTIONS OF 10000 ROWS""", Map.of("gtin", gtin, "lot", lot, "units", UNITS)).consume();
        }
    }

    @AfterAll
    void removeIt() {
        if (gtin == null) {
            return;
        }
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (c:TraceCode {gtin: $gtin}) CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS""",
                    Map.of("gtin", gtin)).consume();
            session.run("MATCH (b:Batch {gtin: $gtin}) DETACH DELETE b", Map.of("gtin", gtin)).consume();
        }
    }

    @Test
    void the_grid_scrolls_to_the_last_of_one_hundred_thousand_rows() {
        signInAs("admin");
        open("batch-units?gtin=" + gtin + "&lot=" + lot, "U000001");
        assertThat(js("return document.getElementById('units').size")).isEqualTo((long) UNITS);

        List<String> fetches = new ArrayList<>();
        fetches.add(fetched());
        for (int row : new int[] {25_000, 50_000, 75_000, UNITS - 1}) {
            String serial = "U%06d".formatted(row + 1);
            Object millis = scrollAndTime(row, serial);
            fetches.add("scroll to row " + row + ": " + serial + " rendered after " + millis + " ms; last page " + fetched());
        }
        waitForText("U100000");
        waitForText("U099990");
        screenshot("units-100k-end");
        // Back up by one page: read by key from a serial the grid already holds.
        js("document.getElementById('units').scrollToIndex(arguments[0])", UNITS - 200);
        waitForText("U099801");
        fetches.add("one page back: " + fetched());
        fetches.forEach(line -> System.out.println("[100k grid] " + line));
    }

    /** Scrolls the grid and measures, in the page, how long until a cell shows the serial (polled every 10 ms). */
    private Object scrollAndTime(int row, String serial) {
        return ((JavascriptExecutor) browser).executeAsyncScript("""
                const [index, text, done] = arguments;
                const grid = document.getElementById('units');
                const started = performance.now();
                grid.scrollToIndex(index);
                const check = () => [...grid.querySelectorAll('vaadin-grid-cell-content')].some(c => c.textContent.trim() === text)
                    ? done(Math.round(performance.now() - started)) : setTimeout(check, 10);
                check();""", row, serial);
    }

    private String fetched() {
        return String.valueOf(js("return document.getElementById('units-fetched').textContent"));
    }

    private Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }
}
