package io.crosstrace.hub.explore;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of node the explorer shows, each with the business key it is addressed by (never a database ID) and
 * the property that names it on screen. Anything else in the graph (users, tokens, webhooks, idempotency keys,
 * scan events) is never shown.
 */
public enum NodeKind {
    Organization("gln", "name"),
    Premises("gln", "name"),
    Product("gtin", "nameEn"),
    Batch(null, "lot"),
    TraceCode("path", "serial"),
    Certificate("number", "number"),
    Inspection("number", "kind"),
    Shipment("number", "number"),
    Consignment("declarationNumber", "declarationNumber"),
    Location("gln", "name"),
    Recall("number", "number"),
    Application("number", "kind"),
    /** Commercial documents: shown to platform administrators only (see {@code Visibility.consignmentDocuments}). */
    Document("number", "kind");

    /** The key property, or null for a batch (GTIN and lot). */
    final String keyProperty;
    final String captionProperty;

    NodeKind(String keyProperty, String captionProperty) {
        this.keyProperty = keyProperty;
        this.captionProperty = captionProperty;
    }

    static Optional<NodeKind> of(Iterable<String> labels) {
        for (String label : labels) {
            Optional<NodeKind> kind = Arrays.stream(values()).filter(k -> k.name().equals(label)).findFirst();
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    /** The node's key from its properties, e.g. a batch's {@code 09335721100113/L2507B01}. */
    String keyOf(Map<String, Object> properties) {
        if (this == Batch) {
            return properties.get("gtin") + "/" + properties.get("lot");
        }
        return String.valueOf(properties.get(keyProperty));
    }

    /** The Cypher condition and parameters that find the node with this key as {@code n}. */
    String match() {
        return this == Batch ? "n:Batch AND n.gtin = $k1 AND n.lot = $k2" : "n:" + name() + " AND n." + keyProperty + " = $k1";
    }
}
