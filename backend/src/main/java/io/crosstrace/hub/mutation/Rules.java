package io.crosstrace.hub.mutation;

import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

import io.crosstrace.gs1.Gln;
import io.crosstrace.gs1.InvalidIdentifierException;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.GlobalId;

/** Small checks every workflow mutation makes, each refusing with a stable code for {@code userErrors}. */
public final class Rules {

    private Rules() {
    }

    public static void require(boolean condition, String code, String message, String field) {
        if (!condition) {
            throw new MutationRejected(code, message, "input", field);
        }
    }

    /** The business key inside a global ID of the expected type. */
    public static String key(String globalId, String type, String field) {
        try {
            return GlobalId.keyOf(globalId, type);
        } catch (BadInputException | NullPointerException e) {
            throw new MutationRejected("INVALID_ID", "Not a global ID of a " + type, "input", field);
        }
    }

    public static String gln(String text, String field) {
        try {
            return Gln.parse(text).value();
        } catch (InvalidIdentifierException | NullPointerException e) {
            throw new MutationRejected("INVALID_GLN", "Not a valid GLN (13 digits with a correct check digit)", "input", field);
        }
    }

    public static long count(Neo4jClient neo4j, String cypher, Map<String, Object> parameters) {
        return neo4j.query(cypher).bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
    }
}
