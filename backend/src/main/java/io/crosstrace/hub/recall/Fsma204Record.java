package io.crosstrace.hub.recall;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * One critical tracking event of a lot with the FSMA 204 key data elements, as one spreadsheet row.
 *
 * <p>The hub's chain maps to three events: the lot is made at its premises (TRANSFORMATION: the traceability lot
 * code is assigned there), loaded at the port of loading (SHIPPING, per shipment), and received at the port of
 * arrival by the importer of record (RECEIVING, per consignment, once the shipment has arrived).
 *
 * @param event              TRANSFORMATION, SHIPPING or RECEIVING
 * @param quantity           units of the lot in the event; null when unknown
 * @param location           where the event happened
 * @param lotCodeSource      where the traceability lot code was assigned: the premises that made the lot
 * @param referenceType      e.g. TRACEABILITY_CERTIFICATE, BILL_OF_LADING, SHIPMENT, CUSTOMS_DECLARATION
 * @param business           who performed the event: producer, shipper or importer
 */
record Fsma204Record(String gtin, String lot, String productName, String productNameZh, String netContent,
        Long quantity, String event, LocalDate date, Place location, Place shipFrom, Place shipTo, Place lotCodeSource,
        String referenceType, String referenceNumber, Place business) {

    /** A named place or party with its GLN; both may be null. */
    record Place(String name, String gln) {
        static final Place NONE = new Place(null, null);
    }

    static final List<String> HEADER = List.of("Traceability lot code", "GTIN", "Lot", "Product description",
            "Product description (Chinese)", "Quantity", "Unit of measure", "Critical tracking event", "Event date",
            "Event location", "Event location GLN", "Ship-from location", "Ship-from GLN", "Ship-to location",
            "Ship-to GLN", "Traceability lot code source", "Traceability lot code source GLN", "Reference document type",
            "Reference document number", "Business", "Business GLN");

    /** Units: each row counts consumer units (a tin, a pack), whose size is in the product description. */
    static final String UNIT_OF_MEASURE = "each";

    /** The traceability lot code: GTIN and lot as a GS1 element string, unique across products. */
    String traceabilityLotCode() {
        return "(01)" + gtin + "(10)" + lot;
    }

    String productDescription() {
        return netContent == null || netContent.isBlank() ? productName : productName + ", " + netContent;
    }

    /** The cells in {@link #HEADER} order; null for an empty cell. */
    List<Object> cells() {
        return Arrays.asList(traceabilityLotCode(), gtin, lot, productDescription(), productNameZh, quantity,
                UNIT_OF_MEASURE, event, date, location.name(), location.gln(), shipFrom.name(), shipFrom.gln(), shipTo.name(),
                shipTo.gln(), lotCodeSource.name(), lotCodeSource.gln(), referenceType, referenceNumber, business.name(),
                business.gln());
    }
}
