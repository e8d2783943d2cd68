package io.crosstrace.hub.epcis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Visibility;

/**
 * Which identifiers of captured events a partner may not speak about (ADR 0013). The rule: identifiers the hub does
 * not hold are allowed (the wider supply chain is not registered here); identifiers it holds must be the caller's
 * or visible to it under {@link Visibility}:
 * <ul>
 *   <li>a GLN of premises the caller operates, or whose batches it may see; of a port or place it ships from or to,
 *       imports at or inspects at; of its own organization or of an organization whose batches, shipments or
 *       consignments it may see;</li>
 *   <li>a GTIN-based EPC or class whose company prefix belongs to a hub organization: the unit's or lot's batch must
 *       be visible to the caller; a unit or lot the hub does not hold, only the owner of the prefix may name.</li>
 * </ul>
 * Platform administrators may name anything. Two statements per capture, whatever the number of events.
 */
@Component
class CaptureScope {

    private static final String FORBIDDEN_GLNS = """
            UNWIND $glns AS gln
            OPTIONAL MATCH (p:Premises {gln: gln})
            OPTIONAL MATCH (l:Location {gln: gln})
            OPTIONAL MATCH (o:Organization {gln: gln})
            WITH gln, p, l, o WHERE p IS NOT NULL OR l IS NOT NULL OR o IS NOT NULL
            WITH gln,
                 ($v_admin OR gln = $v_org
                  OR (p IS NOT NULL AND (EXISTS { (:Organization {gln: $v_org})-[:OPERATES]->(p) }
                                         OR EXISTS { MATCH (p)-[:PRODUCED]->(b:Batch) WHERE %1$s }))
                  OR (l IS NOT NULL AND (EXISTS { (:Organization {gln: $v_org})-[:INSPECTS_AT]->(l) }
                                         OR EXISTS { MATCH (l)<-[:DEPARTS_FROM|BOUND_FOR]-(s:Shipment) WHERE %2$s }
                                         OR EXISTS { MATCH (l)<-[:ARRIVES_AT]-(c:Consignment) WHERE %3$s }))
                  OR (o IS NOT NULL AND (EXISTS { MATCH (o)-[:OPERATES]->(:Premises)-[:PRODUCED]->(b:Batch) WHERE %1$s }
                                         OR EXISTS { MATCH (o)-[:SHIPS]->(s:Shipment) WHERE %2$s }
                                         OR EXISTS { MATCH (o)-[:IMPORTS]->(c:Consignment) WHERE %3$s }))) AS allowed
            WHERE NOT allowed
            RETURN gln""".formatted(Visibility.batch("b"), Visibility.shipment("s"), Visibility.consignment("c"));

    private static final String FORBIDDEN_GTIN_KEYS = """
            UNWIND $keys AS key
            OPTIONAL MATCH (:TraceCode {gtin: key.gtin, serial: key.serial})<-[:HAS_UNIT]-(unitBatch:Batch)
            OPTIONAL MATCH (lotBatch:Batch {gtin: key.gtin, lot: key.lot})
            WITH key, coalesce(unitBatch, lotBatch) AS b
            WITH key, CASE WHEN b IS NOT NULL THEN %s
                           ELSE $v_admin OR EXISTS { (:Organization {gln: $v_org, gs1CompanyPrefix: key.prefix}) } END AS allowed
            WHERE NOT allowed
            RETURN key.uri AS uri""".formatted(Visibility.batch("b"));

    private final GraphReads graph;
    private final GraphCompanyPrefixes companyPrefixes;

    CaptureScope(GraphReads graph, GraphCompanyPrefixes companyPrefixes) {
        this.graph = graph;
        this.companyPrefixes = companyPrefixes;
    }

    /** The problems, by the pointer of each forbidden identifier; empty when the caller may capture all events. */
    Map<String, EpcisProblem> forbidden(List<EventFacts> events, Actor actor) {
        Set<String> glns = new HashSet<>();
        Map<String, Map<String, Object>> gtinKeys = new LinkedHashMap<>();
        for (EventFacts event : events) {
            event.places().forEach(place -> EpcisIdentifiers.gln(place.canonical()).ifPresent(glns::add));
            for (EventFacts.Named epc : event.epcs()) {
                hubGtinKey(epc.canonical()).ifPresent(key -> gtinKeys.putIfAbsent(epc.canonical(), key));
            }
        }
        Map<String, Object> parameters = new HashMap<>(Visibility.parameters(actor));
        Set<String> forbiddenGlns = new HashSet<>();
        if (!glns.isEmpty()) {
            parameters.put("glns", List.copyOf(glns));
            forbiddenGlns.addAll(graph.list(FORBIDDEN_GLNS, parameters, r -> r.get("gln").asString()));
        }
        Set<String> forbiddenEpcs = new HashSet<>();
        if (!gtinKeys.isEmpty()) {
            parameters.put("keys", new ArrayList<>(gtinKeys.values()));
            forbiddenEpcs.addAll(graph.list(FORBIDDEN_GTIN_KEYS, parameters, r -> r.get("uri").asString()));
        }
        Map<String, EpcisProblem> problems = new LinkedHashMap<>();
        for (EventFacts event : events) {
            for (EventFacts.Named place : event.places()) {
                EpcisIdentifiers.gln(place.canonical()).filter(forbiddenGlns::contains).ifPresent(gln ->
                        problems.put(place.pointer(), new EpcisProblem(place.pointer(), EpcisRequestException.SECURITY,
                                "GLN " + gln + " is a place or party of the hub that your organization may not capture events about")));
            }
            for (EventFacts.Named epc : event.epcs()) {
                if (forbiddenEpcs.contains(epc.canonical())) {
                    problems.put(epc.pointer(), new EpcisProblem(epc.pointer(), EpcisRequestException.SECURITY,
                            epc.canonical() + " belongs to a hub organization's product that your organization may not capture events about"));
                }
            }
        }
        return problems;
    }

    /** A GTIN-based identifier whose company prefix a hub organization registered, as Cypher parameters. */
    private Optional<Map<String, Object>> hubGtinKey(String canonical) {
        return EpcisIdentifiers.gtinKey(canonical).flatMap(key -> companyPrefixes.lengthAtStartOf(key.gtin().substring(1, 13))
                .map(length -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("uri", canonical);
                    row.put("gtin", key.gtin());
                    row.put("lot", key.lot());
                    row.put("serial", key.serial());
                    row.put("prefix", key.gtin().substring(1, 1 + length));
                    return row;
                }));
    }
}
