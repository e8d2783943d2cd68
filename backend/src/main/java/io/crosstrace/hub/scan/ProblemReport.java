package io.crosstrace.hub.scan;

import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A consumer's report about a scanned unit, for the port inspection authority. */
public record ProblemReport(String number, String codePath, String what, String whereBought, String contact,
        String language, OffsetDateTime reportedAt) {

    public static final String TYPE = "ProblemReport";

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    static ProblemReport from(Value v) {
        return new ProblemReport(str(v, "number"), str(v, "codePath"), str(v, "what"), str(v, "whereBought"),
                str(v, "contact"), str(v, "language"), dateTime(v, "reportedAt"));
    }
}
