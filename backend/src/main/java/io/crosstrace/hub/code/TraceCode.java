package io.crosstrace.hub.code;

import java.time.OffsetDateTime;
import java.util.List;

import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;

/**
 * One coded unit with its whole chain to the origin, read in a single statement. The chain fields are
 * filled when the unit was looked up by its code; {@code node(id)} returns the unit with the chain too.
 */
public record TraceCode(String gtin, String lot, String serial, String path, String status, OffsetDateTime issuedAt,
        Batch batch, Product product, Premises premises, Organization producer, List<Certificate> certificates,
        List<Inspection> inspections, List<Shipment> shipments, List<Consignment> consignments,
        Location arrivalPort) {

    public static final String TYPE = "TraceCode";

    public String id() {
        return GlobalId.of(TYPE, path);
    }

    /** The Digital Link path is the unit's key: {@code /01/{gtin}/10/{lot}/21/{serial}}. */
    public String uri() {
        return path;
    }
}
