package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/** The analyst opens the graph explorer, finds a batch and sees its neighbours drawn; the dashboards draw. */
class AnalystBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void a_found_batch_shows_its_neighbours_and_a_tapped_node_its_properties() {
        String lot = DemoData.strings(driver, "MATCH (b:Batch)-[:OF_PRODUCT]->() RETURN b.lot ORDER BY b.lot LIMIT 1").getFirst();

        signInAs("analyst");
        waitForText("Graph explorer");
        type("graph-search", lot);
        click("graph-find");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#graph-hits vaadin-item"))).click();

        wait.until(d -> drawnNodes() > 1);
        waitForText("Batch · " + lot);
        // A tap on the product node asks the server for its properties.
        ((JavascriptExecutor) browser).executeScript(
                "const cy = document.getElementById('graph').__cy; cy.nodes('[id ^= \"Product:\"]').first().emit('tap');");
        waitForText("Product · ");
        waitForText("gtin: ");
        screenshot("analyst-graph");
    }

    @Test
    void the_dashboards_draw_their_charts() {
        signInAs("analyst");
        open("analyst/dashboards", "Consignments by status");
        wait.until(d -> "true".equals(String.valueOf(((JavascriptExecutor) d).executeScript(
                "const h = document.getElementById('chart-consignments'); return !!(h && h.__chart && Number(h.dataset.points) > 0);"))));
        assertThat(browser.findElements(By.cssSelector(".ct-chart canvas"))).hasSizeGreaterThanOrEqualTo(8);
        screenshot("analyst-dashboards");
    }

    private long drawnNodes() {
        Object n = ((JavascriptExecutor) browser).executeScript(
                "const g = document.getElementById('graph'); return g && g.__cy ? g.__cy.nodes().length : 0;");
        return ((Number) n).longValue();
    }
}
