package io.crosstrace.hub.registry;

/**
 * The orders a product list can be read in. A fixed set of Cypher
 * fragments, so a caller (the workspace's sortable grid) picks an order without writing Cypher; the business key
 * follows each so pages never overlap.
 */
public enum ProductOrder {
    GTIN_ASCENDING("p.gtin ASC"),
    GTIN_DESCENDING("p.gtin DESC"),
    NAME_ASCENDING("p.nameEn ASC, p.gtin"),
    NAME_DESCENDING("p.nameEn DESC, p.gtin"),
    BRAND_ASCENDING("p.brand ASC, p.gtin"),
    BRAND_DESCENDING("p.brand DESC, p.gtin"),
    CATEGORY_ASCENDING("p.category ASC, p.gtin"),
    CATEGORY_DESCENDING("p.category DESC, p.gtin");

    final String cypher;

    ProductOrder(String cypher) {
        this.cypher = cypher;
    }
}
