package io.crosstrace.hub.registry;

import java.util.List;
import java.util.Map;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;

/** GraphQL reads of organizations, premises and products. */
@Controller
class RegistryGraphQlController {

    private final RegistryService registry;

    RegistryGraphQlController(RegistryService registry) {
        this.registry = registry;
    }

    @QueryMapping
    Organization organization(@Argument String gln) {
        return registry.organization(Gln.parse(gln)).orElse(null);
    }

    @QueryMapping
    Connection<Organization> organizations(@Argument String role, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return registry.organizations(role, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @QueryMapping
    Premises premises(@Argument String gln) {
        return registry.premises(Gln.parse(gln)).orElse(null);
    }

    @QueryMapping
    Connection<Premises> allPremises(@Argument String producer, @Argument String country, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        String operator = producer == null ? null : GlobalId.keyOf(producer, Organization.TYPE);
        return registry.premisesList(operator, country, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @QueryMapping
    Product product(@Argument String gtin) {
        return registry.product(Gtin.parse(gtin)).orElse(null);
    }

    @QueryMapping
    Connection<Product> products(@Argument String owner, @Argument String category, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        String ownerGln = owner == null ? null : GlobalId.keyOf(owner, Organization.TYPE);
        return registry.products(ownerGln, category, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    @BatchMapping(typeName = "Organization", field = "premises")
    Map<Organization, List<Premises>> organizationPremises(List<Organization> organizations) {
        return Links.many(organizations, Organization::gln, registry::premisesOfOperators);
    }

    @BatchMapping(typeName = "Organization", field = "products")
    Map<Organization, List<Product>> organizationProducts(List<Organization> organizations) {
        return Links.many(organizations, Organization::gln, registry::productsOfOwners);
    }

    @BatchMapping(typeName = "Premises", field = "operator")
    Map<Premises, Organization> premisesOperator(List<Premises> premises) {
        return Links.one(premises, Premises::operatorGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Product", field = "owner")
    Map<Product, Organization> productOwner(List<Product> products) {
        return Links.one(products, Product::ownerGln, registry::organizationsByGln);
    }

    @SchemaMapping(typeName = "Premises", field = "location")
    GeoPoint premisesLocation(Premises premises) {
        return premises.latitude() == null || premises.longitude() == null ? null
                : new GeoPoint(premises.latitude(), premises.longitude());
    }

    @Bean
    NodeFetcher organizationNodes(RegistryService registry) {
        return NodeFetcher.of(Organization.TYPE, registry::organizationsByGln);
    }

    @Bean
    NodeFetcher premisesNodes(RegistryService registry) {
        return NodeFetcher.of(Premises.TYPE, registry::premisesByGln);
    }

    @Bean
    NodeFetcher productNodes(RegistryService registry) {
        return NodeFetcher.of(Product.TYPE, registry::productsByGtin);
    }

    record GeoPoint(double latitude, double longitude) {
    }
}
