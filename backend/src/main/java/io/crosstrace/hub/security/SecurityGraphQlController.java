package io.crosstrace.hub.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.RegistryService;

/** {@code me} and the administrators' user mutations. */
@Controller
class SecurityGraphQlController {

    record Me(String username, Actor.Kind kind, List<Role> roles, String organizationGln) {
    }

    record UserCreateInput(String username, String password, String organization, List<Role> roles, String idempotencyKey) {
    }

    record UserRefInput(String username) {
    }

    private final UserAdminService users;
    private final RegistryService registry;

    SecurityGraphQlController(UserAdminService users, RegistryService registry) {
        this.users = users;
        this.registry = registry;
    }

    @QueryMapping
    Me me() {
        Actor actor = CurrentActor.get();
        return actor.isAnonymous() ? null
                : new Me(actor.subject(), actor.kind(), actor.roles().stream().sorted().toList(), actor.organizationGln());
    }

    @SchemaMapping(typeName = "Me", field = "organization")
    Organization meOrganization(Me me) {
        return registry.organizationsByGln(List.of(me.organizationGln())).get(me.organizationGln());
    }

    @SchemaMapping(typeName = "User", field = "organization")
    Organization userOrganization(UserAdminService.UserView user) {
        return registry.organizationsByGln(List.of(user.organizationGln())).get(user.organizationGln());
    }

    @MutationMapping
    UserAdminService.Outcome userCreate(@Argument UserCreateInput input) {
        String gln;
        try {
            gln = GlobalId.keyOf(input.organization(), Organization.TYPE);
        } catch (BadInputException e) {
            return UserAdminService.Outcome.error(io.crosstrace.hub.graphql.UserError.of("INVALID_ID", e.getMessage(),
                    "input", "organization"));
        }
        return users.create(input.username(), input.password(), gln,
                input.roles() == null || input.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(input.roles()),
                input.idempotencyKey());
    }

    @MutationMapping
    UserAdminService.Outcome userDisable(@Argument UserRefInput input) {
        return users.disable(input.username());
    }

    @MutationMapping
    UserAdminService.Outcome userEnable(@Argument UserRefInput input) {
        return users.enable(input.username());
    }

    @MutationMapping
    UserAdminService.Outcome userTokensRevoke(@Argument UserRefInput input) {
        return users.revokeTokens(input.username());
    }

}
