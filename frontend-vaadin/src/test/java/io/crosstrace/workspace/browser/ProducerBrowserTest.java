package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.DemoData;

/**
 * The producer's key actions: mint codes for one of its batches, then download the batch's QR label sheet; register
 * premises, file a product and record a batch through forms that check as the producer types.
 */
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

    @Test
    void the_producer_registers_premises_and_files_a_product_with_checks_as_it_types() {
        String gln = Gln.fromDataDigits("9" + digits(11)).value();
        // The GTIN must lie within the producer's GS1 company prefix, when it has one.
        String prefix = DemoData.strings(driver, """
                MATCH (:User {username: 'producer'})-[:MEMBER_OF]->(o:Organization) RETURN coalesce(o.gs1CompanyPrefix, '')""")
                .getFirst();
        String gtin = Gtin.fromDataDigits("0" + prefix + digits(12 - prefix.length())).value();
        signInAs("producer");

        open("producer/premises", "Register premises");
        openDetails("premises-gln");
        type("premises-gln", "12345");
        waitForText("A GLN has 13 digits");
        type("premises-country", "Australia");
        waitForText("Two capital letters (ISO country code), e.g. AU");
        type("premises-gln", gln);
        type("premises-name", "Browser test packing shed");
        type("premises-city", "Mildura");
        type("premises-country", "AU");
        type("premises-registration", "x");
        waitForText("4 to 40 letters, digits, '/', '-' or spaces");
        type("premises-registration", "AU-EST-" + digits(5));
        click("premises-register");
        waitForText("to be assessed by the platform");
        assertThat(DemoData.count(driver, "MATCH (p:Premises {gln: '" + gln + "'}) RETURN count(p)")).isEqualTo(1);
        screenshot("producer-premises-registered");

        open("producer/products", "File a product");
        openDetails("product-gtin");
        type("product-gtin", "12");
        waitForText("A GTIN has 8, 12, 13 or 14 digits");
        type("product-gtin", gtin);
        type("product-name-en", "Browser test dried figs");
        type("product-name-zh", "浏览器测试无花果干");
        type("product-category", "DRIED_FRUIT");
        click("product-file");
        waitForText("The label text is part of the filing");
        type("product-label", "Dried figs. Product of Australia. Best before: see pack.");
        click("product-file");
        waitForText("to be assessed by the platform");
        assertThat(DemoData.count(driver, "MATCH (p:Product {gtin: '" + gtin + "'}) RETURN count(p)")).isEqualTo(1);
        screenshot("producer-product-filed");
    }

    @Test
    void the_producer_records_a_batch_and_the_form_refuses_an_expiry_before_production() {
        String lot = "BT" + digits(8);
        signInAs("producer");
        open("producer/batches/new", "Record the batch");
        pickFirst("batch-product");
        pickFirst("batch-premises");
        type("batch-lot", lot);
        LocalDate produced = LocalDate.now().minusDays(2);
        typeDate("batch-produced", produced);
        typeDate("batch-expires", produced.minusDays(1));
        click("batch-save");
        waitForText("After the production date");
        assertThat(batches(lot)).isZero();

        typeDate("batch-expires", produced.plusDays(400));
        click("batch-save");
        waitForText("Batch " + lot + " recorded");
        assertThat(batches(lot)).isEqualTo(1);
        screenshot("producer-batch-recorded");
    }

    private void openDetails(String fieldId) {
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).closest('vaadin-details').opened = true;", fieldId);
    }

    /** The first item another test did not file (those wait for approval). */
    private void pickFirst(String comboId) {
        pick(comboId, "", text -> !text.contains("Browser test"));
    }

    /** Types a date as an en-US user does; Enter commits it and closes the calendar, which would cover the form. */
    private void typeDate(String pickerId, LocalDate date) {
        WebElement input = input(pickerId);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(date.getMonthValue() + "/" + date.getDayOfMonth() + "/" + date.getYear(), Keys.ENTER);
        ((JavascriptExecutor) browser).executeScript("document.getElementById(arguments[0]).opened = false;", pickerId);
        wait.until(d -> Boolean.FALSE.equals(((JavascriptExecutor) d).executeScript(
                "return document.getElementById(arguments[0]).opened;", pickerId)));
    }

    private static String digits(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(ThreadLocalRandom.current().nextInt(10));
        }
        return text.toString();
    }

    private long batches(String lot) {
        return DemoData.count(driver, "MATCH (b:Batch {lot: '" + lot + "'}) RETURN count(b)");
    }

    private long units(String lot) {
        return DemoData.count(driver, "MATCH (:Batch {lot: '" + lot + "'})-[:HAS_UNIT]->(c:TraceCode) RETURN count(c)");
    }
}
