package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/** The port inspector's day: the arrivals queue, then a unit code typed on a phone and the verdict with its checks. */
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
}
