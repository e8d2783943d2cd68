package io.crosstrace.hub.registry;

import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;
import java.util.List;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/**
 * An application to the platform: an organization's registration, a premises' registration or a product's
 * record filing, assessed by the platform or the port inspection authority.
 */
public record Application(String number, String kind, String status, OffsetDateTime submittedAt,
                          OffsetDateTime decidedAt, List<String> reasons, String applicantGln, String subjectType,
                          String subjectKey) {

    public static final String TYPE = "Application";
    static final String PROJECTION = """
            a{.*, applicantGln: [(o:Organization)-[:APPLIED]->(a) | o.gln][0],
                  subjectType: [(a)-[:FOR]->(s) | head(labels(s))][0],
                  subjectKey: [(a)-[:FOR]->(s) | coalesce(s.gln, s.gtin)][0]}""";

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    static Application from(Value v) {
        return new Application(str(v, "number"), str(v, "kind"), str(v, "status"),
                v.get("submittedAt").isNull() ? null : v.get("submittedAt").asOffsetDateTime(),
                v.get("decidedAt").isNull() ? null : v.get("decidedAt").asOffsetDateTime(),
                v.get("reasons").isNull() ? List.of() : v.get("reasons").asList(Value::asString),
                str(v, "applicantGln"), str(v, "subjectType"), str(v, "subjectKey"));
    }
}
