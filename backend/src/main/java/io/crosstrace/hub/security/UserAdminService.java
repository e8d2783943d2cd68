package io.crosstrace.hub.security;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;

/** Platform administrators manage users: list, create, disable, enable, revoke their sign-ins. */
@Service
public class UserAdminService {

    public record UserView(String username, Set<Role> roles, boolean enabled, String organizationGln) {
    }

    public record Outcome(UserView user, Long revokedTokens, List<UserError> userErrors) {
        static Outcome error(UserError error) {
            return new Outcome(null, null, List.of(error));
        }
    }

    /** Projection of a user for lists: never the password hash. */
    private static final String LISTED = """
            MATCH (u:User)-[:MEMBER_OF]->(o:Organization)
            WHERE ($text IS NULL OR toLower(u.username) CONTAINS $text)
              AND ($org IS NULL OR o.gln = $org)
              AND ($role IS NULL OR $role IN u.roles)
              AND ($enabled IS NULL OR coalesce(u.enabled, false) = $enabled)""";
    private static final String LISTED_PROJECTION =
            "{username: u.username, roles: coalesce(u.roles, []), enabled: coalesce(u.enabled, false), organizationGln: o.gln}";

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MIN_PASSWORD = 12;

    private final Neo4jClient neo4j;
    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final LedgerService ledger;
    private final TransactionTemplate transactions;
    private final Mutations mutations;
    private final GraphReads graph;

    UserAdminService(GraphReads graph, Neo4jClient neo4j, Accounts accounts, RefreshTokens refreshTokens, PasswordEncoder passwords,
                     LedgerService ledger, PlatformTransactionManager transactionManager, Mutations mutations) {
        this.graph = graph;
        this.mutations = mutations;
        this.neo4j = neo4j;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.ledger = ledger;
        this.transactions = new RetryingTransactionTemplate(transactionManager);
    }

    /** Users, filtered and in the chosen order; platform administrators only. */
    @Transactional(readOnly = true)
    public Connection<UserView> users(UserFilter filter, PageRequest page, boolean withTotal, UserOrder order) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        UserFilter f = filter == null ? UserFilter.none() : filter;
        Map<String, Object> params = new HashMap<>();
        params.put("text", f.text() == null || f.text().isBlank() ? null : f.text().strip().toLowerCase(Locale.ROOT));
        params.put("org", f.organizationGln() == null || f.organizationGln().isBlank() ? null : f.organizationGln().strip());
        params.put("role", f.role() == null ? null : f.role().name());
        params.put("enabled", f.enabled());
        return graph.page(LISTED, LISTED_PROJECTION, (order == null ? UserOrder.USERNAME_ASCENDING : order).cypher, params,
                page, withTotal, UserAdminService::listed);
    }

    private static UserView listed(Value row) {
        return new UserView(row.get("username").asString(), Accounts.roles(row.get("roles").asList()),
                row.get("enabled").asBoolean(), row.get("organizationGln").asString(null));
    }

    /** What a retry must repeat for the idempotency key to apply: everything but the password. */
    private record CreateRequest(String username, String organizationGln, Set<Role> roles) {
    }

    public Outcome create(String username, String password, String organizationGln, Set<Role> roles, String idempotencyKey) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Outcome.error(UserError.of("INVALID_USERNAME", "A username has 3 to 64 letters, digits, '.', '_', '-' or '@'",
                    "input", "username"));
        }
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 200) {
            return Outcome.error(UserError.of("WEAK_PASSWORD", "A password has at least " + MIN_PASSWORD + " characters",
                    "input", "password"));
        }
        if (roles == null || roles.isEmpty()) {
            return Outcome.error(UserError.of("NO_ROLE", "Give the user at least one role", "input", "roles"));
        }
        String hash = passwords.encode(password);
        io.crosstrace.hub.mutation.Outcome<UserView> outcome = mutations.create("userCreate", idempotencyKey,
                new CreateRequest(username, organizationGln, roles), () -> {
                    @SuppressWarnings("unchecked")
                    List<String> organizationRoles = neo4j.query("MATCH (o:Organization {gln: $gln}) RETURN o.roles AS roles")
                            .bind(organizationGln).to("gln").fetch().one().map(row -> (List<String>) row.get("roles"))
                            .orElseThrow(() -> new MutationRejected("ORGANIZATION_NOT_FOUND", "No such organization", "input", "organization"));
                    Set<Role> allowed = OrganizationRoles.allowedFor(organizationRoles);
                    if (!allowed.containsAll(roles)) {
                        Set<Role> refused = EnumSet.copyOf(roles);
                        refused.removeAll(allowed);
                        throw new MutationRejected("ROLE_NOT_ALLOWED", "The organization does not play the part of " + refused,
                                "input", "roles");
                    }
                    if (accounts.userExists(username)) {
                        throw new MutationRejected("USERNAME_TAKEN", "That username is taken", "input", "username");
                    }
                    accounts.createUser(username, organizationGln, roles, hash, true, username);
                    ledger.append("user.create", "User:" + username, Map.of("organization", organizationGln,
                            "roles", roles.stream().map(Role::name).sorted().toList()));
                    return username;
                }, this::view);
        return new Outcome(outcome.value(), null, outcome.userErrors());
    }

    public Outcome disable(String username) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        return transactions.execute(s -> {
            if (!accounts.setEnabled(username, false)) {
                return Outcome.error(UserError.of("USER_NOT_FOUND", "No such user", "input", "username"));
            }
            long revoked = refreshTokens.revokeAllOf(username);
            ledger.append("user.disable", "User:" + username, Map.of("revokedTokens", revoked));
            return new Outcome(view(username), revoked, List.of());
        });
    }

    public Outcome enable(String username) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        return transactions.execute(s -> {
            if (!accounts.setEnabled(username, true)) {
                return Outcome.error(UserError.of("USER_NOT_FOUND", "No such user", "input", "username"));
            }
            ledger.append("user.enable", "User:" + username, Map.of());
            return new Outcome(view(username), null, List.of());
        });
    }

    public Outcome revokeTokens(String username) {
        CurrentActor.require(Role.PLATFORM_ADMIN);
        return transactions.execute(s -> {
            if (!accounts.userExists(username)) {
                return Outcome.error(UserError.of("USER_NOT_FOUND", "No such user", "input", "username"));
            }
            long revoked = refreshTokens.revokeAllOf(username);
            ledger.append("user.tokens.revoke", "User:" + username, Map.of("revokedTokens", revoked));
            return new Outcome(view(username), revoked, List.of());
        });
    }

    private UserView view(String username) {
        Account account = accounts.user(username).orElseThrow();
        return new UserView(account.name(), account.roles(), account.enabled(), account.organizationGln());
    }
}
