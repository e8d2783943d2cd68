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
 * The other partners' key actions in a real browser: the auditor records an inspection, the importer follows its
 * consignments, the administrator verifies the ledger; and the consumer's scan page on a phone.
 */
class PartnersBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_auditor_records_a_premises_audit_for_a_producer_that_engages_it() {
        String premises = DemoData.strings(driver, """
                MATCH (:User {username: 'auditor'})-[:MEMBER_OF]->(:Organization)<-[:ENGAGES]-(:Organization)-[:OPERATES]->(p:Premises)
                RETURN p.gln ORDER BY p.gln LIMIT 1""").getFirst();
        long before = audits(premises);

        signInAs("auditor");
        waitForText("Batches to inspect before shipment");
        choose("inspection-kind", "PREMISES_AUDIT");
        type("inspection-subject", premises);
        type("inspection-findings", "Hygiene zones separated; records complete.");
        click("record-inspection");

        waitForText("recorded: PASS");
        assertThat(audits(premises)).isEqualTo(before + 1);
        screenshot("auditor-recorded");
    }

    @Test
    void the_importer_sees_its_consignments_and_their_status() {
        List<String> own = DemoData.strings(driver, """
                MATCH (:User {username: 'importer'})-[:MEMBER_OF]->(:Organization)-[:IMPORTS]->(c:Consignment)
                RETURN c.declarationNumber + ' ' + c.status ORDER BY c.declaredOn DESC LIMIT 1""");
        String[] first = own.getFirst().split(" ");

        signInAs("importer");
        waitForText("Declare a consignment");
        waitForText(first[0]);
        waitForText(first[1]);
        WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + first[0] + "']")));
        cell.click();
        waitForText("Declaration " + first[0] + " · " + first[1]);
        screenshot("importer-consignments");
    }

    @Test
    void the_administrator_verifies_the_ledger() {
        signInAs("admin");
        open("admin/ledger", "Verify the whole ledger");
        click("verify-ledger");
        String status = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ledger-status"))).getText();
        assertThat(status).isEqualTo("OK");
        waitForText("Ledger intact");
        screenshot("admin-ledger");
    }

    @Test
    void the_consumer_scan_page_fits_a_phone() {
        String path = DemoData.shippedUnitPath(driver);
        phoneViewport();
        try {
            browser.manage().deleteAllCookies();
            browser.get(url(path));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("status")));
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
            assertThat(overflow).isEqualTo(false);
            assertThat(browser.findElement(By.cssSelector("#status h1")).getText()).isNotBlank();
            screenshot("consumer-scan-phone");
        } finally {
            desktopViewport();
        }
    }

    private long audits(String premises) {
        return DemoData.count(driver, "MATCH (i:Inspection {kind: 'PREMISES_AUDIT'})-[:OF]->(:Premises {gln: '" + premises + "'}) RETURN count(i)");
    }
}
