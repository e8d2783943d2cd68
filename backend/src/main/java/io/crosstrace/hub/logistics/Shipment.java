package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A container on its way from an Australian port to the port of arrival. */
public record Shipment(String number, String container, String seal, String billOfLading, String vessel,
        String voyage, String mode, LocalDate departedOn, LocalDate arrivedOn, String carrierGln,
        String loadingPortGln, String dischargePortGln) {

    public static final String TYPE = "Shipment";
    public static final String PROJECTION = projection("[(o:Organization)-[:SHIPS]->(s) | o.gln][0]",
            "[(s)-[:DEPARTS_FROM]->(l) | l.gln][0]", "[(s)-[:BOUND_FOR]->(l) | l.gln][0]");

    /** The projection of {@code s} with the keys of its carrier and ports given as expressions (see Consignment). */
    public static String projection(String carrierGln, String loadingPortGln, String dischargePortGln) {
        return "s{.*, carrierGln: %s, loadingPortGln: %s, dischargePortGln: %s}"
                .formatted(carrierGln, loadingPortGln, dischargePortGln);
    }

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    public static Shipment from(Value v) {
        return new Shipment(str(v, "number"), str(v, "container"), str(v, "seal"), str(v, "billOfLading"),
                str(v, "vessel"), str(v, "voyage"), str(v, "mode"), date(v, "departedOn"), date(v, "arrivedOn"),
                str(v, "carrierGln"), str(v, "loadingPortGln"), str(v, "dischargePortGln"));
    }
}
