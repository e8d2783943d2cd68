package io.crosstrace.hub.registry;

import static io.crosstrace.hub.graphdb.GraphValues.str;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A trade item filed for import, identified by its GTIN-14. */
public record Product(String gtin, String nameEn, String nameZh, String brand, String netContent, String category,
        String ownerGln, String status) {

    public static final String TYPE = "Product";

    public String id() {
        return GlobalId.of(TYPE, gtin);
    }

    static Product from(Value v) {
        return new Product(str(v, "gtin"), str(v, "nameEn"), str(v, "nameZh"), str(v, "brand"), str(v, "netContent"),
                str(v, "category"), str(v, "ownerGln"), Organization.registrationStatus(v));
    }
}
