package io.crosstrace.hub.port;

import static io.crosstrace.hub.graphdb.GraphValues.date;
import static io.crosstrace.hub.graphdb.GraphValues.dateTime;
import static io.crosstrace.hub.graphdb.GraphValues.lng;
import static io.crosstrace.hub.graphdb.GraphValues.str;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.Value;

/**
 * What the graph says about one scanned unit and its batch, as collected by the verification read. The batch is the
 * one the code names (GTIN and lot), so its checks can be reported even for a code the hub never issued.
 *
 * @param codeFound          a unit code with this path exists
 * @param codeOfBatch        and it is a unit of the batch the path names
 * @param cloneFlags         probable-clone flags raised by consumer scans
 * @param declared           the consignment's declaration of the batch; null when not declared in it
 * @param carried            units of the batch on the consignment's shipment; null when it does not carry it
 * @param declaredOnShipment units of the batch declared by all consignments of that shipment
 * @param inspections        inspections of the batch (label approval, pre-shipment inspection, loading supervision…)
 * @param audits             premises audits of the premises that made the batch
 * @param holds              other consignments declaring the batch that are HELD or REJECTED
 * @param blacklistings      active blacklistings of the producer and the premises
 */
record CodeFacts(boolean codeFound, boolean codeOfBatch, String codeStatus, OffsetDateTime issuedAt, long cloneFlags,
        boolean batchFound, LocalDate productionDate, LocalDate expiryDate, Declared declared, Long carried,
        long declaredOnShipment, List<InspectionFact> inspections, List<CertificateFact> certificates,
        String premisesName, List<InspectionFact> audits, String producerName, List<Recall> recalls,
        List<Held> holds, List<BlacklistFact> blacklistings) {

    /** The declaration of a batch: quantity and, optionally, the dates stated on the documents. */
    record Declared(long quantity, LocalDate productionDate, LocalDate expiryDate) {
    }

    record Recall(String number, String reason, String reasonZh) {
    }

    record Held(String declarationNumber, String status) {
    }

    static CodeFacts from(Value v) {
        Value declared = v.get("declared");
        return new CodeFacts(v.get("codeFound").asBoolean(false), v.get("codeOfBatch").asBoolean(false),
                str(v, "codeStatus"), dateTime(v, "issuedAt"), orZero(lng(v, "cloneFlags")),
                v.get("batchFound").asBoolean(false), date(v, "productionDate"), date(v, "expiryDate"),
                declared.isNull() ? null : new Declared(orZero(lng(declared, "quantity")), date(declared, "productionDate"),
                        date(declared, "expiryDate")),
                lng(v, "carried"), orZero(lng(v, "declaredOnShipment")),
                list(v, "inspections", InspectionFact::from), list(v, "certificates", CertificateFact::from),
                str(v, "premisesName"), list(v, "audits", InspectionFact::from), str(v, "producerName"),
                list(v, "recalls", r -> new Recall(str(r, "number"), str(r, "reason"), str(r, "reasonZh"))),
                list(v, "holds", h -> new Held(str(h, "declarationNumber"), str(h, "status"))),
                list(v, "blacklistings", BlacklistFact::from));
    }

    /** A list column; a pattern over a missing node reads as null, which means none. */
    static <T> List<T> list(Value v, String key, Function<Value, T> mapper) {
        Value x = v.get(key);
        return x.isNull() ? List.of() : x.asList(mapper::apply);
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
