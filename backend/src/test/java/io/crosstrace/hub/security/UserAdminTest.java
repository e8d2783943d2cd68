package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.Partners;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;

/** Platform administrators manage users; nobody else can. */
@HubIntegrationTest
class UserAdminTest {

    private static final String CREATE = """
            mutation($in: UserCreateInput!) { userCreate(input: $in) { user { username roles enabled organization { gln } }
              userErrors { code } } }""";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    AuthService auth;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    UserAdminService users;

    @Test
    void an_administrator_creates_a_user_once_however_often_the_call_is_retried() {
        String importer = gln("IMPORTER");
        String name = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = Map.of("username", name, "password", "a-long-enough-password",
                "organization", GlobalId.of("Organization", importer), "roles", List.of("IMPORTER"), "idempotencyKey", name);

        as("admin").document(CREATE).variable("in", input).execute()
                .path("userCreate.user.organization.gln").entity(String.class).isEqualTo(importer);
        as("admin").document(CREATE).variable("in", input).execute()
                .path("userCreate.user.username").entity(String.class).isEqualTo(name);

        assertThat(auth.login(name, "a-long-enough-password", "test").accessToken()).isNotBlank();
        assertThat(neo4j.query("MATCH (u:User {username: $n}) RETURN count(u)").bind(name).to("n").fetchAs(Long.class).one())
                .hasValue(1L);
    }

    @Test
    void a_user_cannot_get_a_role_its_organization_does_not_play() {
        Map<String, Object> input = Map.of("username", "would-be-auditor", "password", "a-long-enough-password",
                "organization", GlobalId.of("Organization", gln("IMPORTER")), "roles", List.of("AUDITOR"));

        as("admin").document(CREATE).variable("in", input).execute()
                .path("userCreate.userErrors[0].code").entity(String.class).isEqualTo("ROLE_NOT_ALLOWED");
    }

    @Test
    void only_platform_administrators_manage_users() {
        Map<String, Object> input = Map.of("username", "sneaky", "password", "a-long-enough-password",
                "organization", GlobalId.of("Organization", gln("IMPORTER")), "roles", List.of("IMPORTER"));

        as("importer").document(CREATE).variable("in", input).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        graphQl.document(CREATE).variable("in", input).execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
    }

    @Test
    void disabling_a_user_revokes_its_sign_ins_and_enabling_lets_it_back() {
        String name = "leaver-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").document(CREATE).variable("in", Map.of("username", name, "password", "a-long-enough-password",
                "organization", GlobalId.of("Organization", gln("LOGISTICS")), "roles", List.of("LOGISTICS"))).execute()
                .path("userCreate.user.enabled").entity(Boolean.class).isEqualTo(true);
        String refreshToken = auth.login(name, "a-long-enough-password", "test").refreshToken();

        as("admin").document("mutation($n: String!) { userDisable(input: {username: $n}) { revokedTokens user { enabled } } }")
                .variable("n", name).execute()
                .path("userDisable.revokedTokens").entity(Integer.class).isEqualTo(1)
                .path("userDisable.user.enabled").entity(Boolean.class).isEqualTo(false);
        assertThatThrownBy(() -> auth.refresh(refreshToken)).isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> auth.login(name, "a-long-enough-password", "test")).isInstanceOf(AuthenticationFailedException.class);

        as("admin").document("mutation($n: String!) { userEnable(input: {username: $n}) { user { enabled } } }")
                .variable("n", name).execute().path("userEnable.user.enabled").entity(Boolean.class).isEqualTo(true);
        assertThat(auth.login(name, "a-long-enough-password", "test").accessToken()).isNotBlank();
    }

    @Test
    void an_administrator_lists_users_filtered_and_sorted_without_their_password_hashes() {
        String logistics = gln("LOGISTICS");
        String prefix = "list-" + UUID.randomUUID().toString().substring(0, 6) + "-";
        for (String suffix : List.of("b", "a", "c")) {
            as("admin").document(CREATE).variable("in", Map.of("username", prefix + suffix, "password", "a-long-enough-password",
                    "organization", GlobalId.of("Organization", logistics), "roles", List.of("LOGISTICS"))).execute()
                    .path("userCreate.user.enabled").entity(Boolean.class).isEqualTo(true);
        }
        Actor admin = Actor.user("admin", logistics, Role.PLATFORM_ADMIN);
        CurrentActor.runAs(admin, () -> users.disable(prefix + "c"));

        Connection<UserAdminService.UserView> descending = CurrentActor.callAs(admin, () -> users.users(
                new UserFilter(prefix.toUpperCase(), logistics, Role.LOGISTICS, null), new PageRequest(2, 0), true,
                UserOrder.USERNAME_DESCENDING));
        assertThat(descending.totalCount()).isEqualTo(3L);
        assertThat(descending.nodes()).extracting(UserAdminService.UserView::username).containsExactly(prefix + "c", prefix + "b");
        assertThat(descending.pageInfo().hasNextPage()).isTrue();
        assertThat(descending.nodes().getFirst().roles()).containsExactly(Role.LOGISTICS);
        assertThat(descending.nodes().getFirst().organizationGln()).isEqualTo(logistics);

        Connection<UserAdminService.UserView> enabledOnly = CurrentActor.callAs(admin, () -> users.users(
                new UserFilter(prefix, null, null, true), new PageRequest(10, 0), false, UserOrder.USERNAME_ASCENDING));
        assertThat(enabledOnly.nodes()).extracting(UserAdminService.UserView::username).containsExactly(prefix + "a", prefix + "b");

        Connection<UserAdminService.UserView> disabledFirst = CurrentActor.callAs(admin, () -> users.users(
                new UserFilter(prefix, null, null, null), new PageRequest(10, 0), false, UserOrder.DISABLED_FIRST));
        assertThat(disabledFirst.nodes()).extracting(UserAdminService.UserView::username)
                .containsExactly(prefix + "c", prefix + "a", prefix + "b");

        // What a list row carries: nothing that could leak the password hash.
        assertThat(java.util.Arrays.stream(UserAdminService.UserView.class.getRecordComponents()).map(c -> c.getName()))
                .containsExactlyInAnyOrder("username", "roles", "enabled", "organizationGln");
    }

    @Test
    void only_platform_administrators_list_users() {
        assertThatThrownBy(() -> CurrentActor.callAs(Actor.user("imp", gln("IMPORTER"), Role.IMPORTER),
                () -> users.users(UserFilter.none(), new PageRequest(5, 0), false, UserOrder.USERNAME_ASCENDING)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private HttpGraphQlTester as(String user) {
        return Partners.as(graphQl, auth, user);
    }

    private String gln(String role) {
        return neo4j.query("MATCH (o:Organization) WHERE $role IN o.roles RETURN o.gln ORDER BY o.gln LIMIT 1")
                .bind(role).to("role").fetchAs(String.class).one().orElseThrow();
    }
}
