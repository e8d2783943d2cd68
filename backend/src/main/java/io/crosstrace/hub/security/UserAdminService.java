package io.crosstrace.hub.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;

/** Platform administrators manage users: create, disable, enable, revoke their sign-ins. */
@Service
public class UserAdminService {

    public record UserView(String username, Set<Role> roles, boolean enabled, String organizationGln) {
    }

    public record Outcome(UserView user, Long revokedTokens, List<UserError> userErrors) {
        static Outcome error(UserError error) {
            return new Outcome(null, null, List.of(error));
        }
    }

    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    static final int MIN_PASSWORD = 12;

    private final Neo4jClient neo4j;
    private final Accounts accounts;
    private final RefreshTokens refreshTokens;
    private final PasswordEncoder passwords;
    private final LedgerService ledger;
    private final TransactionTemplate transactions;
    private final Mutations mutations;

    UserAdminService(Neo4jClient neo4j, Accounts accounts, RefreshTokens refreshTokens, PasswordEncoder passwords,
                     LedgerService ledger, PlatformTransactionManager transactionManager, Mutations mutations) {
        this.mutations = mutations;
        this.neo4j = neo4j;
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.passwords = passwords;
        this.ledger = ledger;
        this.transactions = new TransactionTemplate(transactionManager);
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
