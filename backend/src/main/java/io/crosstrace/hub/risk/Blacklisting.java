package io.crosstrace.hub.risk;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/**
 * An organization or premises on the blacklist: {@code (:Blacklisting {id, reason, since, by, active})-[:BLOCKS]->(target)}.
 * Removal keeps the node (inactive, with who removed it, when and why) so the history stays readable.
 *
 * @param key         the node's {@code id}
 * @param by          username (or client id) of who added it
 * @param targetLabel {@code Organization} or {@code Premises}
 */
public record Blacklisting(String key, String reason, OffsetDateTime since, String by, boolean active,
        OffsetDateTime removedAt, String removedBy, String removalNote, String targetLabel, String targetGln) {

    public static final String TYPE = "Blacklisting";
    static final String PROJECTION = """
            bl{.*, targetLabel: [(bl)-[:BLOCKS]->(t) | CASE WHEN t:Premises THEN 'Premises' ELSE 'Organization' END][0],
                   targetGln: [(bl)-[:BLOCKS]->(t) | t.gln][0]}""";

    public String id() {
        return GlobalId.of(TYPE, key);
    }

    public String organizationGln() {
        return "Organization".equals(targetLabel) ? targetGln : null;
    }

    public String premisesGln() {
        return "Premises".equals(targetLabel) ? targetGln : null;
    }

    static Blacklisting from(Value v) {
        return new Blacklisting(str(v, "id"), str(v, "reason"), dateTime(v, "since"), str(v, "by"),
                v.get("active").asBoolean(false), dateTime(v, "removedAt"), str(v, "removedBy"), str(v, "removalNote"),
                str(v, "targetLabel"), str(v, "targetGln"));
    }
}
