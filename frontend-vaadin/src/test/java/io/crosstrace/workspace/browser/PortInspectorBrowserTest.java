package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/**
 * The port inspector's day: the arrivals queue with each consignment's recorded verdict, a unit code typed on a phone
 * and the verdict with its checks, then hold and release.
 */
class PortInspectorBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_inspector_starts_on_the_arrivals_queue_ranked_by_risk() {
        signInAs("inspector");
        waitForText("Arriving consignments");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#arrivals vaadin-grid-cell-content .ct-verdict")));
        assertThat(sideNavLabels()).contains("Arriving consignments", "Scan to verify");
        screenshot("inspector-arrivals");
    }

    @Test
    void a_typed_code_gets_the_verdict_with_every_check_on_a_phone() {
        String path = DemoData.shippedUnitPath(driver);
        String consignment = DemoData.strings(driver, """
                MATCH (c:Consignment)-[:DECLARES]->(:Batch)-[:HAS_UNIT]->(:TraceCode {path: '%s'})
                RETURN c.declarationNumber ORDER BY c.declarationNumber LIMIT 1""".formatted(path)).getFirst();

        signInAs("inspector");
        phoneViewport();
        try {
            open("port/verify/" + consignment, "Scan with the camera");
            type("code-input", "https://id.example.com" + path);
            click("add-code");
            waitForText("1 code(s) to verify");
            click("verify");

            String verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict-badge"))).getText();
            assertThat(verdict).isIn("GREEN", "AMBER", "RED");
            waitForText("CODE_SIGNATURE");
            waitForText("BATCH_DECLARED");
            screenshot("inspector-verdict-phone");
        } finally {
            desktopViewport();
        }
    }

    @Test
    void the_queue_shows_the_recorded_verdict_beside_risk_or_not_verified_yet() {
        String verified = arrivedConsignment();
        String unverified = arrivedConsignment();
        driver.executableQuery("""
                MATCH (c:Consignment {declarationNumber: $n})
                SET c.portVerdict = 'AMBER', c.portVerdictAt = datetime(), c.portVerdictCodes = 3""")
                .withParameters(Map.of("n", verified)).execute();

        signInAs("inspector");
        open("port/arrivals", verified);
        waitForText(unverified);
        assertThat(rowText(verified)).contains("AMBER");
        assertThat(rowText(unverified)).contains("not verified yet");
        screenshot("inspector-arrivals-verdicts");
    }

    @Test
    void hold_and_release_record_the_decision_and_move_the_consignment() {
        String toHold = arrivedConsignment();
        String toRelease = arrivedConsignment();
        signInAs("inspector");

        decide(toHold, "hold", "Seal number differs from the bill of lading");
        waitForText("Recorded: the consignment is now HELD");
        assertThat(status(toHold)).isEqualTo("HELD");
        screenshot("inspector-hold");

        decide(toRelease, "release", "Documents and seal checked");
        waitForText("Recorded: the consignment is now RELEASED");
        assertThat(status(toRelease)).isEqualTo("RELEASED");
        assertThat(DemoData.count(driver, "MATCH (:Inspection {kind: 'PORT_VERIFICATION'})-[:OF]->(c:Consignment) WHERE c.declarationNumber IN ['"
                + toHold + "', '" + toRelease + "'] RETURN count(*)")).isEqualTo(2);
        screenshot("inspector-release");
    }

    private void decide(String consignment, String button, String note) {
        open("port/verify/" + consignment, "Scan with the camera");
        // The decision sits in a folded section: open it as a click on its summary would.
        ((JavascriptExecutor) browser).executeScript("document.getElementById('decision').closest('vaadin-details').opened = true;");
        type("decision-note", note);
        click(button);
    }

    /** A consignment arriving at the inspector's first port, ready to decide; nobody else's tests touch it. */
    private String arrivedConsignment() {
        String number = "BT" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        driver.executableQuery("""
                MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(:Organization)-[:INSPECTS_AT]->(l:Location)
                WITH l ORDER BY l.gln LIMIT 1
                CREATE (c:Consignment {declarationNumber: $n, status: 'ARRIVED', declaredOn: date()})-[:ARRIVES_AT]->(l)""")
                .withParameters(Map.of("n", number)).execute();
        return number;
    }

    private String status(String consignment) {
        return DemoData.strings(driver, "MATCH (c:Consignment {declarationNumber: '" + consignment + "'}) RETURN c.status").getFirst();
    }

    /** The text of the grid row that shows this consignment number (Vaadin renders cells in the light DOM). */
    private String rowText(String consignment) {
        return wait.until(d -> (String) ((JavascriptExecutor) d).executeScript("""
                const cells = [...document.querySelectorAll('#arrivals vaadin-grid-cell-content')];
                const start = cells.findIndex(c => c.textContent.trim() === arguments[0]);
                if (start < 0) { return null; }
                return cells.slice(start, start + 6).map(c => c.textContent.trim()).join(' | ');""", consignment));
    }
}
