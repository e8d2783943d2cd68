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

    @Test
    void the_auditor_issues_a_certificate_for_an_inspected_batch_then_revokes_it() {
        String auditor = DemoData.strings(driver,
                "MATCH (:User {username: 'auditor'})-[:MEMBER_OF]->(o:Organization) RETURN o.gln").getFirst();
        String batch = DemoData.strings(driver, """
                MATCH (a:Organization {gln: '%s'})<-[:ENGAGES]-(p:Organization)-[:OPERATES]->(pr:Premises)-[:PRODUCED]->(b:Batch)
                      -[:OF_PRODUCT]->(prod:Product)
                WHERE b.expiryDate > date() + duration('P8M') AND coalesce(p.status, 'APPROVED') = 'APPROVED'
                  AND coalesce(pr.status, 'APPROVED') = 'APPROVED' AND coalesce(prod.status, 'APPROVED') = 'APPROVED'
                RETURN b.gtin + '/' + b.lot ORDER BY b.gtin, b.lot LIMIT 1""".formatted(auditor)).getFirst();
        // Today's passed pre-shipment inspection, so the batch's latest one passed whatever the demo world holds.
        String[] key = batch.split("/", 2);
        driver.executableQuery("""
                MATCH (a:Organization {gln: $auditor}), (b:Batch {gtin: $gtin, lot: $lot})
                CREATE (a)-[:PERFORMED]->(:Inspection {number: 'ZZ-BT-' + randomUUID(), kind: 'PRE_SHIPMENT_INSPECTION',
                                                       result: 'PASS', performedOn: date(), findings: 'Browser test'})-[:OF]->(b)""")
                .withParameters(java.util.Map.of("auditor", auditor, "gtin", key[0], "lot", key[1])).execute();

        signInAs("auditor");
        open("audit/certificates", "Issue a certificate");
        type("certificate-batch", batch);
        click("issue-certificate");
        String done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("certificate-done"))).getText();
        assertThat(done).startsWith("Certificate ").endsWith(" issued");
        String number = done.split(" ")[1];
        assertThat(certificateStatus(number)).isEqualTo("VALID");
        screenshot("auditor-certificate-issued");

        // Pick its row: the grid lists the auditor's certificates by number, so scroll to where it stands.
        long index = DemoData.count(driver, """
                MATCH (:Organization {gln: '%s'})-[:ISSUED]->(c:Certificate) WHERE c.number < '%s' RETURN count(c)"""
                .formatted(auditor, number));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('certificates').scrollToIndex(arguments[0])", index);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-grid-cell-content[normalize-space(.)='" + number + "']"))).click();
        click("revoke-certificate");
        waitForText("REASON_REQUIRED");
        type("revoke-reason", "Inspection record found incomplete");
        click("revoke-certificate");
        waitForText("Certificate " + number + " revoked");
        assertThat(certificateStatus(number)).isEqualTo("REVOKED");
        screenshot("auditor-certificate-revoked");
    }

    private String certificateStatus(String number) {
        return DemoData.strings(driver, "MATCH (c:Certificate {number: '" + number + "'}) RETURN c.status").getFirst();
    }

    private long audits(String premises) {
        return DemoData.count(driver, "MATCH (i:Inspection {kind: 'PREMISES_AUDIT'})-[:OF]->(:Premises {gln: '" + premises + "'}) RETURN count(i)");
    }
}
