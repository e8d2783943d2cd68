package io.crosstrace.hub.certificate;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;

import org.neo4j.driver.Value;

import io.crosstrace.hub.graphql.GlobalId;

/** A certificate issued by a third-party inspection body for a batch, premises or product. */
public record Certificate(String number, String kind, String status, LocalDate issuedOn, LocalDate validFrom,
        LocalDate validUntil, String revokedReason, String issuerGln, String signatureKeyId) {

    public static final String TYPE = "Certificate";
    public static final String PROJECTION = projection("c");

    /** Projection of a certificate bound to {@code var}, carrying its issuer's key. */
    public static String projection(String var) {
        return projection(var, "[(i:Organization)-[:ISSUED]->(%s) | i.gln][0]".formatted(var));
    }

    /** Projection of a certificate bound to {@code var}, its issuer's key given as an expression. */
    public static String projection(String var, String issuerGln) {
        return "%s{.*, issuerGln: %s}".formatted(var, issuerGln);
    }

    public String id() {
        return GlobalId.of(TYPE, number);
    }

    /** Valid on a day: not revoked and within its validity. */
    public boolean isValidOn(LocalDate day) {
        return "VALID".equals(status) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public static Certificate from(Value v) {
        return new Certificate(str(v, "number"), str(v, "kind"), str(v, "status"), date(v, "issuedOn"),
                date(v, "validFrom"), date(v, "validUntil"), str(v, "revokedReason"), str(v, "issuerGln"),
                str(v, "signatureKeyId"));
    }
}
