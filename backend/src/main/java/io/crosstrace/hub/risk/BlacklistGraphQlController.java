package io.crosstrace.hub.risk;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.NodeFetcher;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.risk.BlacklistService.BlacklistAddInput;
import io.crosstrace.hub.risk.BlacklistService.BlacklistRemoveInput;

/** The blacklist over GraphQL. */
@Controller
class BlacklistGraphQlController {

    record BlacklistingPayload(Blacklisting blacklisting, List<UserError> userErrors) {
        static BlacklistingPayload of(Outcome<Blacklisting> outcome) {
            return new BlacklistingPayload(outcome.value(), outcome.userErrors());
        }
    }

    private final BlacklistService blacklist;
    private final RegistryService registry;

    BlacklistGraphQlController(BlacklistService blacklist, RegistryService registry) {
        this.blacklist = blacklist;
        this.registry = registry;
    }

    @QueryMapping
    List<Blacklisting> blacklist(@Argument Boolean active) {
        return blacklist.list(active);
    }

    @MutationMapping
    BlacklistingPayload blacklistAdd(@Argument BlacklistAddInput input) {
        return BlacklistingPayload.of(blacklist.add(input));
    }

    @MutationMapping
    BlacklistingPayload blacklistRemove(@Argument BlacklistRemoveInput input) {
        return BlacklistingPayload.of(blacklist.remove(input));
    }

    @BatchMapping(typeName = "Blacklisting", field = "organization")
    Map<Blacklisting, Organization> organization(List<Blacklisting> entries) {
        return Links.one(entries, Blacklisting::organizationGln, registry::organizationsByGln);
    }

    @BatchMapping(typeName = "Blacklisting", field = "premises")
    Map<Blacklisting, Premises> premises(List<Blacklisting> entries) {
        return Links.one(entries, Blacklisting::premisesGln, registry::premisesByGln);
    }

    @Bean
    NodeFetcher blacklistingNodes(BlacklistService blacklist) {
        return NodeFetcher.of(Blacklisting.TYPE, blacklist::visibleByKey);
    }
}
