package io.crosstrace.hub.recall;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.recall.Fsma204Record.Place;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.Visibility;

/**
 * Every traceability record of a lot, or of all lots in a date range, with the FSMA 204 key data elements: what a
 * regulator asks for in an electronic sortable spreadsheet (see {@link Fsma204Record} for the events).
 */
@Service
@Transactional(readOnly = true)
class Fsma204ExportService {

    /** More rows than this is a request to narrow, not a spreadsheet anyone can open. */
    static final int MAX_ROWS = 100_000;

    /**
     * The rows of an export and the file name without extension (the format adds it).
     */
    record Export(List<Fsma204Record> records, String baseName) {
    }

    private static final String ONE_LOT = """
            MATCH (b:Batch {gtin: $gtin, lot: $lot})
            """;
    /** Nothing of a lot happens before it is made: lots made after the range have no event in it. */
    private static final String LOTS_IN_RANGE = """
            MATCH (b:Batch)
            WHERE ($gtin IS NULL OR b.gtin = $gtin) AND (b.productionDate IS NULL OR b.productionDate <= $to)
            """;
    /**
     * The events of each lot. Shipping papers are commercial: the bill of lading number is given to those entitled
     * to it (see {@link Visibility#shipmentPapers}), the hub's shipment number to the others.
     */
    private static final String EVENTS = """
            OPTIONAL MATCH (b)-[:OF_PRODUCT]->(p:Product)
            OPTIONAL MATCH (pr:Premises)-[:PRODUCED]->(b)
            CALL (b, pr) {
              RETURN 'TRANSFORMATION' AS event, 0 AS step, b.productionDate AS date, b.quantity AS quantity,
                     {name: pr.name, gln: pr.gln} AS location, null AS shipFrom, null AS shipTo,
                     'TRACEABILITY_CERTIFICATE' AS referenceType,
                     COLLECT { MATCH (b)<-[:CERTIFIES]-(t:Certificate {kind: 'TRACEABILITY'})
                               RETURN t.number ORDER BY t.issuedOn DESC, t.number LIMIT 1 }[0] AS referenceNumber,
                     [(o:Organization)-[:OPERATES]->(pr) | {name: o.name, gln: o.gln}][0] AS business
              UNION ALL
              MATCH (b)<-[q:CARRIES]-(s:Shipment)
              WITH s, q, s.billOfLading IS NOT NULL AND %s AS papers
              RETURN 'SHIPPING' AS event, 1 AS step, s.departedOn AS date, q.quantity AS quantity,
                     [(s)-[:DEPARTS_FROM]->(l) | {name: l.name, gln: l.gln}][0] AS location,
                     [(s)-[:DEPARTS_FROM]->(l) | {name: l.name, gln: l.gln}][0] AS shipFrom,
                     [(s)-[:BOUND_FOR]->(l) | {name: l.name, gln: l.gln}][0] AS shipTo,
                     CASE WHEN papers THEN 'BILL_OF_LADING' ELSE 'SHIPMENT' END AS referenceType,
                     CASE WHEN papers THEN s.billOfLading ELSE s.number END AS referenceNumber,
                     [(o:Organization)-[:SHIPS]->(s) | {name: o.name, gln: o.gln}][0] AS business
              UNION ALL
              MATCH (b)<-[q:DECLARES]-(c:Consignment)-[:SHIPPED_AS]->(s:Shipment)
              WHERE s.arrivedOn IS NOT NULL
              RETURN 'RECEIVING' AS event, 2 AS step, s.arrivedOn AS date, q.quantity AS quantity,
                     [(c)-[:ARRIVES_AT]->(l) | {name: l.name, gln: l.gln}][0] AS location,
                     [(s)-[:DEPARTS_FROM]->(l) | {name: l.name, gln: l.gln}][0] AS shipFrom,
                     [(c)-[:ARRIVES_AT]->(l) | {name: l.name, gln: l.gln}][0] AS shipTo,
                     'CUSTOMS_DECLARATION' AS referenceType, c.declarationNumber AS referenceNumber,
                     [(o:Organization)-[:IMPORTS]->(c) | {name: o.name, gln: o.gln}][0] AS business
            }
            WITH b, p, pr, event, step, date, quantity, location, shipFrom, shipTo, referenceType, referenceNumber, business
            WHERE ($from IS NULL OR date >= $from) AND ($to IS NULL OR date <= $to)
            RETURN b.gtin AS gtin, b.lot AS lot, p.nameEn AS productName, p.nameZh AS productNameZh,
                   p.netContent AS netContent, {name: pr.name, gln: pr.gln} AS source, event, date, quantity, location,
                   shipFrom, shipTo, referenceType, referenceNumber, business
            ORDER BY gtin, lot, date, step, referenceNumber
            LIMIT $limit""".formatted(Visibility.shipmentPapers("s"));

    private final GraphReads graph;

    Fsma204ExportService(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * The records of one lot ({@code gtin} and {@code lot}) or of the lots with events between {@code from} and
     * {@code to} (ISO dates, inclusive; optionally of one {@code gtin}). For platform administrators, analysts and
     * port inspectors. Parameters are checked after the caller, so an anonymous caller learns nothing from them.
     *
     * @throws BadInputException a malformed or contradictory parameter, or more than {@value #MAX_ROWS} records
     * @throws NotFoundException no such lot
     */
    Export export(String gtinText, String lotText, String fromText, String toText) {
        Actor actor = CurrentActor.require(Role.PLATFORM_ADMIN, Role.ANALYST, Role.INSPECTOR);
        Map<String, Object> p = new HashMap<>(Visibility.parameters(actor));
        p.put("limit", MAX_ROWS + 1);
        String gtin = blankToNull(gtinText) == null ? null : Gtin.parse(gtinText.strip()).value();
        String lot = blankToNull(lotText);
        LocalDate from = date(fromText, "from");
        LocalDate to = date(toText, "to");
        p.put("gtin", gtin);
        String start;
        String filename;
        if (lot != null) {
            if (gtin == null) {
                throw new BadInputException("A lot is named by gtin and lot together");
            }
            if (from != null || to != null) {
                throw new BadInputException("Ask for one lot (gtin and lot) or for a date range (from and to), not both");
            }
            p.put("lot", new LotNumber(lot).value());
            start = ONE_LOT;
            filename = "fsma204-" + gtin + "-" + lot.replaceAll("[^A-Za-z0-9_-]", "_");
        } else {
            if (from == null || to == null) {
                throw new BadInputException("Give gtin and lot for one lot, or from and to (ISO dates, e.g. 2026-01-31) for a range");
            }
            if (from.isAfter(to)) {
                throw new BadInputException("'from' (" + from + ") is after 'to' (" + to + ")");
            }
            start = LOTS_IN_RANGE;
            filename = "fsma204-" + from + "-to-" + to + (gtin == null ? "" : "-" + gtin);
        }
        p.put("from", from);
        p.put("to", to);
        List<Fsma204Record> records = graph.list(start + EVENTS, p, Fsma204ExportService::record);
        if (records.isEmpty() && lot != null && graph.count("MATCH (b:Batch {gtin: $gtin, lot: $lot}) RETURN count(b)",
                Map.of("gtin", gtin, "lot", lot)) == 0) {
            throw new NotFoundException("No lot " + lot + " of GTIN " + gtin);
        }
        if (records.size() > MAX_ROWS) {
            throw new BadInputException("More than " + MAX_ROWS + " records: ask for a shorter date range or one GTIN");
        }
        return new Export(records, filename);
    }

    private static Fsma204Record record(Record r) {
        Value date = r.get("date");
        Value quantity = r.get("quantity");
        return new Fsma204Record(r.get("gtin").asString(), r.get("lot").asString(), r.get("productName").asString(null),
                r.get("productNameZh").asString(null), r.get("netContent").asString(null),
                quantity.isNull() ? null : quantity.asLong(), r.get("event").asString(),
                date.isNull() ? null : date.asLocalDate(), place(r.get("location")), place(r.get("shipFrom")),
                place(r.get("shipTo")), place(r.get("source")), r.get("referenceType").asString(null),
                r.get("referenceNumber").asString(null), place(r.get("business")));
    }

    private static Place place(Value v) {
        return v.isNull() ? Place.NONE : new Place(v.get("name").asString(null), v.get("gln").asString(null));
    }

    private static LocalDate date(String text, String name) {
        String value = blankToNull(text);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadInputException("'" + name + "' is an ISO date such as 2026-01-31, not '" + value + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
