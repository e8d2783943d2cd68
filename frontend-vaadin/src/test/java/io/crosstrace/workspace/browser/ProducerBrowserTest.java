package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/** The producer's key action: mint codes for one of its batches, then download the batch's QR label sheet. */
class ProducerBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_producer_mints_codes_in_the_background_and_gets_a_label_sheet() {
        signInAs("producer");
        waitForText("Mint unit codes");
        screenshot("producer-start");

        WebElement batchInput = input("mint-batch");
        batchInput.click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("vaadin-combo-box-item"))).click();
        wait.until(d -> !input("mint-batch").getDomProperty("value").isBlank());
        String lot = input("mint-batch").getDomProperty("value").split(" · ")[0];
        long before = units(lot);

        type("mint-count", "200000");
        waitForText("Mint 1 to 100,000 codes at a time");
        assertThat(browser.findElement(By.id("mint")).getDomAttribute("disabled")).isNotNull();

        type("mint-count", "250");
        click("mint");
        waitForText("250 codes minted for batch " + lot);
        assertThat(units(lot)).isEqualTo(before + 250);

        type("label-count", "12");
        click("label-sheet");
        WebElement download = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("label-download")));
        assertThat(download.getText()).contains(".pdf");
        Object head = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0].href).then(r => r.arrayBuffer())
                    .then(b => done(String.fromCharCode(...new Uint8Array(b.slice(0, 5)))), e => done('failed ' + e));""",
                download);
        assertThat(head).isEqualTo("%PDF-");
        screenshot("producer-minted");
    }

    private long units(String lot) {
        return DemoData.count(driver, "MATCH (:Batch {lot: '" + lot + "'})-[:HAS_UNIT]->(c:TraceCode) RETURN count(c)");
    }
}
