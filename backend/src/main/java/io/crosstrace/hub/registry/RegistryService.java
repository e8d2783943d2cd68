package io.crosstrace.hub.registry;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;

/** Reads organizations, premises and products. */
@Service
@Transactional(readOnly = true)
public class RegistryService {

    private static final String ORGANIZATION = RegistryProjections.organization("o");
    private static final String PREMISES = RegistryProjections.premises("p");
    private static final String PRODUCT = RegistryProjections.product("p");

    private final GraphReads graph;

    RegistryService(GraphReads graph) {
        this.graph = graph;
    }

    public Optional<Organization> organization(Gln gln) {
        return Optional.ofNullable(organizationsByGln(List.of(gln.value())).get(gln.value()));
    }

    public Map<String, Organization> organizationsByGln(Collection<String> glns) {
        return GraphReads.indexBy(graph.list("MATCH (o:Organization) WHERE o.gln IN $keys RETURN " + ORGANIZATION + " AS o",
                Map.of("keys", List.copyOf(glns)), r -> Organization.from(r.get("o"))), Organization::gln);
    }

    public Connection<Organization> organizations(String role, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new HashMap<>(Map.of("skip", page.offset(), "limit", page.limitPlusOne()));
        params.put("role", role);
        String match = "MATCH (o:Organization) WHERE $role IS NULL OR $role IN o.roles ";
        List<Organization> rows = graph.list(match + "RETURN " + ORGANIZATION + " AS o ORDER BY o.gln SKIP $skip LIMIT $limit",
                params, r -> Organization.from(r.get("o")));
        return Connection.of(rows, page, withTotal ? graph.count(match + "RETURN count(o)", params) : null);
    }

    public Optional<Premises> premises(Gln gln) {
        return Optional.ofNullable(premisesByGln(List.of(gln.value())).get(gln.value()));
    }

    public Map<String, Premises> premisesByGln(Collection<String> glns) {
        return GraphReads.indexBy(graph.list("MATCH (p:Premises) WHERE p.gln IN $keys RETURN " + PREMISES + " AS p",
                Map.of("keys", List.copyOf(glns)), r -> Premises.from(r.get("p"))), Premises::gln);
    }

    public Connection<Premises> premisesList(String operatorGln, String country, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new HashMap<>(Map.of("skip", page.offset(), "limit", page.limitPlusOne()));
        params.put("operator", operatorGln);
        params.put("country", country);
        String match = """
                MATCH (p:Premises)
                WHERE ($operator IS NULL OR EXISTS { (:Organization {gln: $operator})-[:OPERATES]->(p) })
                  AND ($country IS NULL OR p.country = $country)
                """;
        List<Premises> rows = graph.list(match + "RETURN " + PREMISES + " AS p ORDER BY p.gln SKIP $skip LIMIT $limit",
                params, r -> Premises.from(r.get("p")));
        return Connection.of(rows, page, withTotal ? graph.count(match + "RETURN count(p)", params) : null);
    }

    /** The premises of each operator, for many operators in one statement. */
    public Map<String, List<Premises>> premisesOfOperators(Collection<String> operatorGlns) {
        return graph.grouped("""
                MATCH (o:Organization)-[:OPERATES]->(p:Premises) WHERE o.gln IN $keys
                RETURN o.gln AS key, %s AS p ORDER BY p.gln""".formatted(PREMISES),
                Map.of("keys", List.copyOf(operatorGlns)), r -> Premises.from(r.get("p")));
    }

    public Optional<Product> product(Gtin gtin) {
        return Optional.ofNullable(productsByGtin(List.of(gtin.value())).get(gtin.value()));
    }

    public Map<String, Product> productsByGtin(Collection<String> gtins) {
        return GraphReads.indexBy(graph.list("MATCH (p:Product) WHERE p.gtin IN $keys RETURN " + PRODUCT + " AS p",
                Map.of("keys", List.copyOf(gtins)), r -> Product.from(r.get("p"))), Product::gtin);
    }

    public Connection<Product> products(String ownerGln, String category, PageRequest page, boolean withTotal) {
        Map<String, Object> params = new HashMap<>(Map.of("skip", page.offset(), "limit", page.limitPlusOne()));
        params.put("owner", ownerGln);
        params.put("category", category);
        String match = """
                MATCH (p:Product)
                WHERE ($owner IS NULL OR EXISTS { (:Organization {gln: $owner})-[:OWNS]->(p) })
                  AND ($category IS NULL OR p.category = $category)
                """;
        List<Product> rows = graph.list(match + "RETURN " + PRODUCT + " AS p ORDER BY p.gtin SKIP $skip LIMIT $limit",
                params, r -> Product.from(r.get("p")));
        return Connection.of(rows, page, withTotal ? graph.count(match + "RETURN count(p)", params) : null);
    }

    /** The products of each owner, for many owners in one statement. */
    public Map<String, List<Product>> productsOfOwners(Collection<String> ownerGlns) {
        return graph.grouped("""
                MATCH (o:Organization)-[:OWNS]->(p:Product) WHERE o.gln IN $keys
                RETURN o.gln AS key, %s AS p ORDER BY p.gtin""".formatted(PRODUCT),
                Map.of("keys", List.copyOf(ownerGlns)), r -> Product.from(r.get("p")));
    }
}
