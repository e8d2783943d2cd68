package io.crosstrace.workspace.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;

/**
 * The exporter records a shipment in the workspace: the form checks formats as the exporter types, the service's
 * refusal (more units than the batch has left) shows on the form, and a certified batch ships.
 */
class ShipmentFormBrowserTest extends BrowserTest {

    @Autowired
    Driver driver;

    @Test
    void the_exporter_records_a_shipment_and_sees_the_services_refusals_on_the_form() {
        String certified = DemoData.strings(driver, """
                MATCH (b:Batch)<-[:CERTIFIES]-(c:Certificate {kind: 'TRACEABILITY', status: 'VALID'})
                WHERE c.validFrom <= date() AND c.validUntil >= date()
                WITH b, coalesce(b.quantity, 0) - reduce(t = 0, x IN [(b)<-[q:CARRIES]-(:Shipment) | q.quantity] | t + x) AS left
                WHERE left >= 1
                RETURN b.gtin + '/' + b.lot ORDER BY b.gtin, b.lot LIMIT 1""").getFirst();
        List<String> ports = DemoData.strings(driver, "MATCH (l:Location {kind: 'PORT'}) RETURN l.gln ORDER BY l.gln LIMIT 2");
        String number = "SHP-BT-" + UUID.randomUUID().toString().substring(0, 8);

        signInAs("exporter");
        open("shipments", "Record a shipment");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('shipment-number').closest('vaadin-details').opened = true;");

        type("shipment-number", "x!");
        waitForText("3 to 40 letters, digits or '-'");
        type("shipment-container", "ABC123");
        waitForText("4 capital letters and 7 digits (ISO 6346)");
        screenshot("exporter-shipment-validation");

        type("shipment-number", number);
        type("shipment-container", "MSCU1234565");
        pick("shipment-loading", ports.get(0));
        pick("shipment-discharge", ports.get(1));
        type("shipment-item-batch", certified);
        type("shipment-item-quantity", "99999999");
        click("shipment-add-item");
        waitForText(certified + " × 99999999");
        click("create-shipment");
        waitForText("coded units not shipped yet");
        assertThat(shipments(number)).isZero();
        screenshot("exporter-shipment-refused");

        // A fresh form (the refused line stays listed otherwise), one unit of the certified batch.
        browser.navigate().refresh();
        waitForText("Record a shipment");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('shipment-number').closest('vaadin-details').opened = true;");
        type("shipment-number", number);
        pick("shipment-loading", ports.get(0));
        pick("shipment-discharge", ports.get(1));
        type("shipment-item-batch", certified);
        type("shipment-item-quantity", "1");
        click("shipment-add-item");
        click("create-shipment");
        waitForText("Shipment " + number + " recorded");
        assertThat(shipments(number)).isEqualTo(1);
        screenshot("exporter-shipment-recorded");
    }

    private void pick(String comboId, String gln) {
        pick(comboId, gln, text -> text.contains(gln));
    }

    private long shipments(String number) {
        return DemoData.count(driver, "MATCH (s:Shipment {number: '" + number + "'}) RETURN count(s)");
    }
}
