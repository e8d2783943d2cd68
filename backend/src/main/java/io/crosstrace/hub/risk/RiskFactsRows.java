package io.crosstrace.hub.risk;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.TypeSystem;

import io.crosstrace.hub.logistics.Consignment;

/** Maps the rows of {@link RiskFactsReader}'s statements to {@link RiskFacts}. */
final class RiskFactsRows {

    private RiskFactsRows() {
    }

    static RiskFactsReader.SubjectFacts subject(Record r) {
        Set<RiskSubjectKind> kinds = EnumSet.noneOf(RiskSubjectKind.class);
        r.get("scoredAs").asList(Value::asString).forEach(k -> kinds.add(RiskSubjectKind.valueOf(k)));
        RiskFacts facts = new RiskFacts(
                r.get("blacklisted").asList(v -> new RiskFacts.Blocked(str(v, "id"), str(v, "role"), str(v, "gln"),
                        str(v, "name"), str(v, "reason"))),
                r.get("holds").asList(v -> new RiskFacts.Hold(str(v, "number"), str(v, "status"), date(v, "declaredOn"))),
                r.get("failures").asList(v -> new RiskFacts.FailedInspection(str(v, "number"), str(v, "kind"),
                        date(v, "performedOn"), str(v, "subject"), str(v, "consignment"))),
                r.get("certificates").asList(v -> new RiskFacts.CertificateFact(str(v, "number"), str(v, "kind"),
                        str(v, "status"), date(v, "validUntil"), str(v, "subject"))),
                r.get("audits").asList(v -> new RiskFacts.PremisesAudits(str(v, "gln"), str(v, "name"),
                        v.get("passed").asList(d -> d.isNull() ? null : d.asLocalDate()).stream()
                                .filter(Objects::nonNull).toList())),
                r.get("declaredItems").asList(v -> new RiskFacts.DeclaredItem(str(v, "consignment"), str(v, "batch"),
                        number(v, "declared", 0L), number(v, "shipped", null), number(v, "declaredOnShipment", 0L))),
                r.get("batchTotals").asList(v -> new RiskFacts.BatchTotals(str(v, "batch"), number(v, "produced", null),
                        number(v, "shipped", 0L), number(v, "declared", 0L))),
                r.get("flags").asList(RiskFactsRows::signals),
                r.get("complaints").asList(RiskFactsRows::signals),
                r.get("partnerEvents").asList(RiskFactsRows::signals),
                r.get("partners").asList(v -> new RiskFacts.Partner(str(v, "gln"), str(v, "name"), str(v, "role"),
                        instant(v.get("createdAt")), instant(v.get("approvedAt")))),
                new LinkedHashSet<>(r.get("categories").asList(v -> v.isNull() ? null : v.asString()).stream()
                        .filter(Objects::nonNull).toList()));
        Value consignment = r.get("consignment");
        return new RiskFactsReader.SubjectFacts(r.get("key").asString(), kinds, facts,
                consignment.isNull() ? null : Consignment.from(consignment));
    }

    private static RiskFacts.CodeSignals signals(Value v) {
        return new RiskFacts.CodeSignals(str(v, "producer"), number(v, "count", 0L), v.get("sample").asList(Value::asString));
    }

    private static Long number(Value v, String key, Long fallback) {
        Value x = v.get(key);
        return x.isNull() ? fallback : Long.valueOf(x.asLong());
    }

    /** Creation dates were written as DateTime by the hub, but a Date (seeded by hand) reads as that day's start. */
    private static OffsetDateTime instant(Value v) {
        if (v.isNull()) {
            return null;
        }
        TypeSystem types = TypeSystem.getDefault();
        if (types.DATE().isTypeOf(v)) {
            return v.asLocalDate().atStartOfDay().atOffset(ZoneOffset.UTC);
        }
        if (types.DATE_TIME().isTypeOf(v)) {
            return v.asOffsetDateTime();
        }
        if (types.LOCAL_DATE_TIME().isTypeOf(v)) {
            return v.asLocalDateTime().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
