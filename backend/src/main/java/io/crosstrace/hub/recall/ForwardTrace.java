package io.crosstrace.hub.recall;

import java.util.List;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.Shipment;

/**
 * Where a batch went: how many units it has (the units themselves are paged, never inlined), the shipments and
 * consignments that took it, its importers and ports, and what consumers scanned of it.
 *
 * @param importerGlns the importers of record of its consignments (resolved to organizations by the API)
 * @param ports ports of discharge of its shipments and ports of arrival of its consignments
 */
public record ForwardTrace(Batch batch, long unitCount, List<TracedShipment> shipments,
        List<TracedConsignment> consignments, List<String> importerGlns, List<Location> ports, ScanSummary scans) {

    /** A shipment that carried the batch, with the units of it on board. */
    public record TracedShipment(Shipment shipment, long quantity) {
    }

    /** A consignment that declared the batch, with the units of it declared. */
    public record TracedConsignment(Consignment consignment, long quantity) {
    }

    /**
     * Consumer scans of the batch's units, coarsely located.
     *
     * @param scannedUnits units scanned at least once
     * @param totalScans   all scans of its units
     * @param locatedScans scans with a consented location, which are the ones in {@code byCell}
     * @param byCountry    per country of the scanning client (null country: unknown), most scans first
     * @param byCell       per 1-degree latitude/longitude cell, most scans first, at most {@link ForwardTraceService#MAX_CELLS}
     */
    public record ScanSummary(long scannedUnits, long totalScans, long locatedScans, List<CountryScans> byCountry,
            List<CellScans> byCell) {
    }

    /** Scans from one country, and how many distinct units they were of. */
    public record CountryScans(String country, long scans, long units) {
    }

    /**
     * Scans within one cell of 1 degree by 1 degree (about 111 km north–south): precise enough to see where goods
     * went, too coarse to find a consumer.
     *
     * @param latitude  the cell's southern edge, whole degrees
     * @param longitude the cell's western edge, whole degrees
     */
    public record CellScans(int latitude, int longitude, long scans) {
    }
}
