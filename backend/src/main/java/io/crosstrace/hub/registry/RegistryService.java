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
import io.crosstrace.hub.security.CurrentActor;

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
        return organizations(role, page, withTotal, OrganizationOrder.GLN_ASCENDING);
    }

    /** Organizations in the given order (the workspace's sortable grid). */
    public Connection<Organization> organizations(String role, PageRequest page, boolean withTotal, OrganizationOrder order) {
        CurrentActor.require();
        Map<String, Object> filters = new HashMap<>();
        filters.put("role", role);
        return graph.page("MATCH (o:Organization) WHERE $role IS NULL OR $role IN o.roles", ORGANIZATION, order.cypher,
                filters, page, withTotal, Organization::from);
    }

    public Optional<Premises> premises(Gln gln) {
        return Optional.ofNullable(premisesByGln(List.of(gln.value())).get(gln.value()));
    }

    public Map<String, Premises> premisesByGln(Collection<String> glns) {
        return GraphReads.indexBy(graph.list("MATCH (p:Premises) WHERE p.gln IN $keys RETURN " + PREMISES + " AS p",
                Map.of("keys", List.copyOf(glns)), r -> Premises.from(r.get("p"))), Premises::gln);
    }

    public Connection<Premises> premisesList(String operatorGln, String country, PageRequest page, boolean withTotal) {
        return premisesList(operatorGln, country, page, withTotal, PremisesOrder.GLN_ASCENDING);
    }

    /** Premises in the given order (the workspace's sortable grid). */
    public Connection<Premises> premisesList(String operatorGln, String country, PageRequest page, boolean withTotal,
            PremisesOrder order) {
        CurrentActor.require();
        Map<String, Object> filters = new HashMap<>();
        filters.put("operator", operatorGln);
        filters.put("country", country);
        return graph.page("""
                MATCH (p:Premises)
                WHERE ($operator IS NULL OR EXISTS { (:Organization {gln: $operator})-[:OPERATES]->(p) })
                  AND ($country IS NULL OR p.country = $country)""", PREMISES, order.cypher, filters, page, withTotal,
                Premises::from);
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
        return products(ownerGln, category, page, withTotal, ProductOrder.GTIN_ASCENDING);
    }

    /** Products in the given order (the workspace's sortable grid). */
    public Connection<Product> products(String ownerGln, String category, PageRequest page, boolean withTotal,
            ProductOrder order) {
        CurrentActor.require();
        Map<String, Object> filters = new HashMap<>();
        filters.put("owner", ownerGln);
        filters.put("category", category);
        return graph.page("""
                MATCH (p:Product)
                WHERE ($owner IS NULL OR EXISTS { (:Organization {gln: $owner})-[:OWNS]->(p) })
                  AND ($category IS NULL OR p.category = $category)""", PRODUCT, order.cypher, filters, page, withTotal,
                Product::from);
    }

    /** The products of each owner, for many owners in one statement. */
    public Map<String, List<Product>> productsOfOwners(Collection<String> ownerGlns) {
        return graph.grouped("""
                MATCH (o:Organization)-[:OWNS]->(p:Product) WHERE o.gln IN $keys
                RETURN o.gln AS key, %s AS p ORDER BY p.gtin""".formatted(PRODUCT),
                Map.of("keys", List.copyOf(ownerGlns)), r -> Product.from(r.get("p")));
    }
}
