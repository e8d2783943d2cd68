package io.crosstrace.hub.port;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.lng;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

import org.neo4j.driver.Value;

/** An inspection as the rules need it. */
record InspectionFact(String number, String kind, String result, LocalDate performedOn, Long sampledQuantity) {

    /** Latest first, as the certificate issuing rule orders them: by day, then by number. */
    private static final Comparator<InspectionFact> LATEST_FIRST = Comparator
            .comparing(InspectionFact::performedOn, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(InspectionFact::number, Comparator.nullsLast(Comparator.reverseOrder()));

    boolean passed() {
        return "PASS".equals(result);
    }

    /** The latest inspection of this kind among these. */
    static Optional<InspectionFact> latest(Collection<InspectionFact> inspections, String kind) {
        return inspections.stream().filter(i -> kind.equals(i.kind())).min(LATEST_FIRST);
    }

    static InspectionFact from(Value v) {
        return new InspectionFact(str(v, "number"), str(v, "kind"), str(v, "result"), date(v, "performedOn"),
                lng(v, "sampledQuantity"));
    }
}
