package io.crosstrace.hub.security;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Users and machine clients in the graph: {@code (:User|:ApiClient)-[:MEMBER_OF]->(:Organization)}. An
 * organization without a {@code status} was registered before applications existed, so it counts as approved.
 */
@Component
class Accounts {

    private static final String USER = """
            MATCH (u:User {username: $name})-[:MEMBER_OF]->(o:Organization)
            RETURN u.username AS name, o.gln AS org, u.roles AS roles, coalesce(u.enabled, false) AS enabled,
                   coalesce(o.status, 'APPROVED') = 'APPROVED' AS approved, u.passwordHash AS hash""";

    private static final String CLIENT = """
            MATCH (c:ApiClient {clientId: $name})-[:MEMBER_OF]->(o:Organization)
            RETURN c.clientId AS name, o.gln AS org, c.roles AS roles, coalesce(c.enabled, false) AS enabled,
                   coalesce(o.status, 'APPROVED') = 'APPROVED' AS approved, c.secretHash AS hash""";

    private static final String CREATE_USER = """
            MATCH (o:Organization {gln: $org})
            MERGE (u:User {username: $name})
              ON CREATE SET u.passwordHash = $hash, u.roles = $roles, u.enabled = $enabled, u.displayName = $displayName,
                            u.createdAt = $now
            MERGE (u)-[:MEMBER_OF]->(o)
            RETURN u.username AS name""";

    private static final String CREATE_CLIENT = """
            MATCH (o:Organization {gln: $org})
            MERGE (c:ApiClient {clientId: $name})
              ON CREATE SET c.secretHash = $hash, c.roles = $roles, c.enabled = true, c.createdAt = $now
            MERGE (c)-[:MEMBER_OF]->(o)
            RETURN c.clientId AS name""";

    private final Neo4jClient neo4j;

    Accounts(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Optional<Account> user(String username) {
        return find(USER, username, Actor.Kind.USER);
    }

    Optional<Account> client(String clientId) {
        return find(CLIENT, clientId, Actor.Kind.CLIENT);
    }

    /** Creates the user unless one with that name exists; true when created. */
    boolean createUser(String username, String organizationGln, Collection<Role> roles, String passwordHash,
                       boolean enabled, String displayName) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", username);
        p.put("org", organizationGln);
        p.put("hash", passwordHash);
        p.put("roles", roles.stream().map(Role::name).sorted().toList());
        p.put("enabled", enabled);
        p.put("displayName", displayName);
        p.put("now", OffsetDateTime.now());
        return neo4j.query(CREATE_USER).bindAll(p).fetch().one().isPresent();
    }

    boolean createClient(String clientId, String organizationGln, Collection<Role> roles, String secretHash) {
        return neo4j.query(CREATE_CLIENT).bindAll(Map.of("name", clientId, "org", organizationGln, "hash", secretHash,
                "roles", roles.stream().map(Role::name).sorted().toList(), "now", OffsetDateTime.now()))
                .fetch().one().isPresent();
    }

    boolean userExists(String username) {
        return neo4j.query("MATCH (u:User {username: $name}) RETURN count(u) > 0 AS exists")
                .bind(username).to("name").fetchAs(Boolean.class).one().orElse(false);
    }

    /** Enables or disables a user; false when there is no such user. */
    boolean setEnabled(String username, boolean enabled) {
        return neo4j.query("MATCH (u:User {username: $name}) SET u.enabled = $enabled RETURN u.username AS name")
                .bindAll(Map.of("name", username, "enabled", enabled)).fetch().one().isPresent();
    }

    /** Enables every user of an organization (its application was approved). */
    void enableMembersOf(String organizationGln) {
        neo4j.query("MATCH (u:User)-[:MEMBER_OF]->(:Organization {gln: $org}) SET u.enabled = true")
                .bind(organizationGln).to("org").run();
    }

    private Optional<Account> find(String cypher, String name, Actor.Kind kind) {
        return neo4j.query(cypher).bind(name).to("name").fetch().one().map(row -> new Account(
                (String) row.get("name"), kind, (String) row.get("org"), roles(row.get("roles")),
                (Boolean) row.get("enabled"), (Boolean) row.get("approved"), (String) row.get("hash")));
    }

    static Set<Role> roles(Object stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (stored instanceof List<?> names) {
            for (Object name : names) {
                try {
                    roles.add(Role.valueOf(String.valueOf(name)));
                } catch (IllegalArgumentException ignored) {
                    // A role this version does not know grants nothing.
                }
            }
        }
        return roles;
    }
}
