package io.crosstrace.hub.batch;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.lng;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.GlobalId;

/**
 * A production lot of one product at one premises.
 *
 * @param premisesGln where it was produced (resolved to an object by the API)
 */
public record Batch(String gtin, String lot, LocalDate productionDate, LocalDate expiryDate, Long quantity,
        String premisesGln) {

    public static final String TYPE = "Batch";
    /** Projection of {@code b:Batch} that carries its premises key. */
    public static final String PROJECTION = "b{.*, premisesGln: [(pr:Premises)-[:PRODUCED]->(b) | pr.gln][0]}";

    /** The business key: GTIN-14 then lot; the GTIN's fixed length makes it unambiguous. */
    public String key() {
        return key(gtin, lot);
    }

    public String id() {
        return GlobalId.of(TYPE, key());
    }

    public static String key(String gtin, String lot) {
        return gtin + "/" + lot;
    }

    /** Splits a key made by {@link #key(String, String)} into {@code gtin} and {@code lot}. */
    public static java.util.Map<String, Object> keyParameters(String key) {
        if (key.length() < 16 || key.charAt(14) != '/') {
            throw new BadInputException("Malformed batch key '" + key + "'");
        }
        return java.util.Map.of("gtin", key.substring(0, 14), "lot", key.substring(15));
    }

    public static Batch from(Value v) {
        return new Batch(str(v, "gtin"), str(v, "lot"), date(v, "productionDate"), date(v, "expiryDate"),
                lng(v, "quantity"), str(v, "premisesGln"));
    }
}
