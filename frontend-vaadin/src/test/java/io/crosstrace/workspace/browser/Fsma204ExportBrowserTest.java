package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/**
 * An analyst downloads the FSMA 204 spreadsheet of a lot from the workspace, as CSV and as XLSX; the form checks the
 * GTIN as it is typed; roles the export does not allow have no such view.
 */
class Fsma204ExportBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_analyst_prepares_the_export_in_the_background_and_downloads_it() {
        List<String> lot = DemoData.strings(driver, """
                MATCH (:Premises)-[:PRODUCED]->(b:Batch)<-[:DECLARES]-(:Consignment)
                RETURN b.gtin + ' ' + b.lot ORDER BY b.productionDate, b.gtin, b.lot LIMIT 1""");
        String gtin = lot.getFirst().split(" ")[0];
        String lotNumber = lot.getFirst().split(" ", 2)[1];

        signInAs("analyst");
        assertThat(sideNavLabels()).contains("FSMA 204 export");
        open("exports/fsma204", "FSMA 204 electronic sortable spreadsheet");
        type("export-gtin", "123");
        waitForText("A GTIN has 8, 12, 13 or 14 digits");

        type("export-gtin", gtin);
        type("export-lot", lotNumber);
        click("export-prepare");
        WebElement download = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("export-download")));
        assertThat(download.getText()).contains("fsma204-" + gtin).contains(".csv").contains("records");
        assertThat(fetchStart(download, 40)).startsWith("\uFEFFTraceability lot code,GTIN,Lot");
        screenshot("analyst-export-csv");

        choose("export-format", "XLSX");
        click("export-prepare");
        wait.until(d -> d.findElement(By.id("export-download")).getText().contains(".xlsx"));
        assertThat(fetchStart(browser.findElement(By.id("export-download")), 2)).isEqualTo("PK");
        screenshot("analyst-export-xlsx");
    }

    @Test
    void the_export_refuses_a_lot_that_does_not_exist_on_the_form() {
        String gtin = DemoData.strings(driver, "MATCH (b:Batch) RETURN b.gtin ORDER BY b.gtin LIMIT 1").getFirst();
        signInAs("inspector");
        open("exports/fsma204", "FSMA 204 electronic sortable spreadsheet");
        type("export-gtin", gtin);
        type("export-lot", "NO-SUCH-LOT-42");
        click("export-prepare");
        waitForText("No lot NO-SUCH-LOT-42");
        assertThat(browser.findElements(By.id("export-download"))).noneMatch(WebElement::isDisplayed);
    }

    @Test
    void producers_have_no_export() {
        signInAs("producer");
        assertThat(sideNavLabels()).doesNotContain("FSMA 204 export");
    }

    /** The first characters of what the link serves, read by the page itself (same session, same cookies). */
    private String fetchStart(WebElement link, int characters) {
        return (String) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(r => r.arrayBuffer())
                    .then(b => done(new TextDecoder('utf-8', {ignoreBOM: true}).decode(b.slice(0, arguments[1] * 3)).slice(0, arguments[1])),
                          e => done('failed ' + e));""", link, characters);
    }
}
