package io.crosstrace.hub.risk;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.crosstrace.hub.epcis.PartnerEvents;
import io.crosstrace.hub.epcis.WorkflowEvents;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.security.Visibility;

/**
 * Gathers the {@link RiskFacts} of many subjects of one kind in ONE statement: consignments, batches or
 * organizations. Each statement has three parts:
 * <ol>
 *   <li>{@link #SIGNALS}: the rare, recent events that raise risk anywhere (active blacklistings, holds, failed
 *       inspections, clone flags, problem reports), read once per statement from their own indexes, each tagged
 *       with the producers and importers it concerns;</li>
 *   <li>a head per subject kind that finds the subjects and the batches, premises, producers, importers and
 *       consignments each involves (its scope);</li>
 *   <li>{@link #FACTS}: the signals of each subject's scope, and the facts read from the scope itself
 *       (certificates, audits, quantities, partners, categories).</li>
 * </ol>
 * Anchoring the signals on their own (small) sets, rather than walking from producers to their unit codes, keeps
 * the cost independent of how many codes a producer has; the index hints pin that start, since a planner that began at
 * the few organizations instead would walk millions of codes in a large world.
 */
@Component
class RiskFactsReader {

    static final List<String> ARRIVING = List.of("DECLARED", "IN_TRANSIT", "ARRIVED", "UNDER_INSPECTION");

    private static final String SIGNALS = """
            CALL () {
              MATCH (bl:Blacklisting {active: true})-[:BLOCKS]->(t)
              RETURN collect({id: bl.id, reason: bl.reason, gln: t.gln, name: t.name,
                              label: CASE WHEN t:Premises THEN 'Premises' ELSE 'Organization' END}) AS blacklisted
            }
            CALL () {
              MATCH (h:Consignment) WHERE h.status IN ['HELD', 'REJECTED'] AND h.declaredOn >= $since
              RETURN collect({number: h.declarationNumber, status: h.status, declaredOn: h.declaredOn,
                              importers: [(o:Organization)-[:IMPORTS]->(h) | o.gln],
                              producers: COLLECT { MATCH (h)-[:DECLARES]->(:Batch)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)
                                                   RETURN DISTINCT o.gln }}) AS holds
            }
            CALL () {
              MATCH (i:Inspection {result: 'FAIL'})-[:OF]->(x) WHERE i.performedOn >= $since
              RETURN collect({number: i.number, kind: i.kind, performedOn: i.performedOn,
                              subject: CASE WHEN x:Batch THEN 'Batch ' + x.gtin + '/' + x.lot
                                            WHEN x:Consignment THEN 'Consignment ' + x.declarationNumber
                                            WHEN x:Shipment THEN 'Shipment ' + x.number
                                            ELSE 'Premises ' + x.gln END,
                              consignment: CASE WHEN x:Consignment THEN x.declarationNumber END,
                              producers: [(o:Organization)-[:OPERATES]->(x) | o.gln]
                                       + [(o:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(x) | o.gln]
                                       + [(o:Organization)-[:OPERATES]->(:Premises)-[:PRODUCED]->(:Batch)<-[:CARRIES]-(x) | o.gln],
                              importers: [(o:Organization)-[:IMPORTS]->(x) | o.gln]}) AS failures
            }
            CALL () {
              MATCH (f:CloneFlag) USING INDEX f:CloneFlag(flaggedAt) WHERE f.flaggedAt >= $sinceInstant
              MATCH (f)-[:FLAGS]->(code:TraceCode)<-[:HAS_UNIT]-(:Batch)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)
              WITH o.gln AS producer, count(DISTINCT code) AS codes, collect(DISTINCT code.path)[..3] AS sample
              RETURN collect({producer: producer, count: codes, sample: sample}) AS flags
            }
            CALL () {
              MATCH (r:ProblemReport) USING INDEX r:ProblemReport(reportedAt) WHERE r.reportedAt >= $sinceInstant
              MATCH (r)-[:ABOUT]->(:TraceCode)<-[:HAS_UNIT]-(:Batch)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)
              WITH o.gln AS producer, count(DISTINCT r) AS reports, collect(DISTINCT r.number)[..3] AS sample
              RETURN collect({producer: producer, count: reports, sample: sample}) AS complaints
            }
            CALL () {
              MATCH (e:EpcisEvent) WHERE e.disposition IN $adverseDispositions AND e.eventTime >= $sinceInstant
                AND NOT e.json CONTAINS $workflowMark AND NOT coalesce(e.errorDeclared, false)
              MATCH (e)-[:OBSERVED]->(x)
              OPTIONAL MATCH (x)<-[:HAS_UNIT]-(unitBatch:Batch)
              WITH e, coalesce(unitBatch, x) AS b WHERE b:Batch
              MATCH (b)<-[:PRODUCED]-(:Premises)<-[:OPERATES]-(o:Organization)
              WITH o.gln AS producer, count(DISTINCT e) AS events,
                   collect(DISTINCT e.disposition + ' (' + e.eventId + ')')[..3] AS sample
              RETURN collect({producer: producer, count: events, sample: sample}) AS partnerEvents
            }
            """;

    /**
     * A consignment involves its declared batches, their premises and producers, its importer and its shipper.
     * {@code %s} is the condition on {@code c}.
     */
    /** Dispositions of partners' events that count against the producer: out of circulation or in doubt. */
    static final List<String> ADVERSE_DISPOSITIONS = java.util.stream.Stream.concat(PartnerEvents.GONE.stream(),
            PartnerEvents.DOUBTFUL.stream()).toList();

    private static final String CONSIGNMENTS = SIGNALS + """
            MATCH (c:Consignment) WHERE %s
            WITH *, COLLECT { MATCH (c)-[:DECLARES]->(b:Batch) RETURN b } AS batches,
                    COLLECT { MATCH (o:Organization)-[:IMPORTS]->(c) RETURN o } AS importers,
                    COLLECT { MATCH (c)-[:SHIPPED_AS]->(:Shipment)<-[:SHIPS]-(o:Organization) RETURN DISTINCT o } AS shippers
            WITH *, COLLECT { UNWIND batches AS b MATCH (pm:Premises)-[:PRODUCED]->(b) RETURN DISTINCT pm } AS premises
            WITH *, COLLECT { UNWIND premises AS pm MATCH (o:Organization)-[:OPERATES]->(pm) RETURN DISTINCT o } AS producers
            WITH *, c.declarationNumber AS key, ['CONSIGNMENT'] AS scoredAs, c.declarationNumber AS selfNumber,
                    batches AS certified, [c] AS declaring, batches AS counted,
                    COLLECT { UNWIND batches AS b MATCH (b)-[:OF_PRODUCT]->(p:Product) RETURN DISTINCT p.category } AS categories,
                    """ + Consignment.PROJECTION + """
                     AS consignment
            WITH *, [x IN premises | {gln: x.gln, label: 'Premises', role: 'PREMISES', name: x.name}]
                  + [x IN producers | {gln: x.gln, label: 'Organization', role: 'PRODUCER', name: x.name}]
                  + [x IN importers | {gln: x.gln, label: 'Organization', role: 'IMPORTER', name: x.name}]
                  + [x IN shippers | {gln: x.gln, label: 'Organization', role: 'SHIPPER', name: x.name}] AS parties
            """;

    /** A batch involves itself, its premises and their producer; no importer. */
    private static final String BATCHES = SIGNALS + """
            UNWIND $keys AS k
            MATCH (b:Batch {gtin: k.gtin, lot: k.lot}) WHERE """ + Visibility.batch("b") + """
            WITH *, COLLECT { MATCH (pm:Premises)-[:PRODUCED]->(b) RETURN pm } AS premises
            WITH *, COLLECT { UNWIND premises AS pm MATCH (o:Organization)-[:OPERATES]->(pm) RETURN DISTINCT o } AS producers
            WITH *, b.gtin + '/' + b.lot AS key, ['BATCH'] AS scoredAs, null AS selfNumber, [] AS importers,
                    [b] AS certified, [] AS declaring, [b] AS counted,
                    [(b)-[:OF_PRODUCT]->(p:Product) | p.category] AS categories, null AS consignment
            WITH *, [x IN premises | {gln: x.gln, label: 'Premises', role: 'PREMISES', name: x.name}]
                  + [x IN producers | {gln: x.gln, label: 'Organization', role: 'PRODUCER', name: x.name}] AS parties
            """;

    /**
     * An organization is scored by its roles: as producer it involves its premises, its recent batches and the
     * products it owns; as importer its recent consignments. Its own blacklisting counts whatever its roles.
     */
    private static final String ORGANIZATIONS = SIGNALS + """
            MATCH (o:Organization) WHERE o.gln IN $keys
            WITH *, 'PRODUCER' IN coalesce(o.roles, []) AS asProducer, 'IMPORTER' IN coalesce(o.roles, []) AS asImporter
            WITH *, CASE WHEN asProducer THEN COLLECT { MATCH (o)-[:OPERATES]->(pm:Premises) RETURN pm } ELSE [] END AS premises,
                    CASE WHEN asProducer THEN [o] ELSE [] END AS producers,
                    CASE WHEN asImporter THEN [o] ELSE [] END AS importers,
                    CASE WHEN asImporter THEN COLLECT { MATCH (o)-[:IMPORTS]->(q:Consignment) WHERE q.declaredOn >= $since RETURN q }
                         ELSE [] END AS declaring
            WITH *, COLLECT { UNWIND premises AS pm MATCH (pm)-[:PRODUCED]->(b:Batch) WHERE b.productionDate >= $since RETURN b } AS counted
            WITH *, o.gln AS key, [r IN ['PRODUCER', 'IMPORTER'] WHERE r IN coalesce(o.roles, [])] AS scoredAs,
                    null AS selfNumber, [] AS certified, null AS consignment,
                    CASE WHEN asProducer THEN COLLECT { MATCH (o)-[:OWNS]->(p:Product) RETURN DISTINCT p.category }
                                            + COLLECT { UNWIND counted AS b MATCH (b)-[:OF_PRODUCT]->(p:Product) RETURN DISTINCT p.category }
                         ELSE [] END AS categories
            WITH *, [{gln: o.gln, label: 'Organization', name: o.name,
                      role: CASE WHEN asProducer THEN 'PRODUCER' WHEN asImporter THEN 'IMPORTER' ELSE 'ORGANIZATION' END}]
                  + [x IN premises | {gln: x.gln, label: 'Premises', role: 'PREMISES', name: x.name}] AS parties
            """;

    /**
     * The facts of each subject from its scope: {@code premises}, {@code producers}, {@code importers}, {@code parties}
     * (for the blacklist), {@code selfNumber} (a consignment is not its own past hold), {@code certified} (batches
     * whose certificates count), {@code declaring} (consignments whose quantities are checked), {@code counted}
     * (batches whose totals are checked) and {@code categories}. A pattern never uses one relationship twice, so the
     * walk from a consignment to the other declarations of its shipment finds only the others: its own is added.
     */
    private static final String FACTS = """
            WITH *, [x IN producers | x.gln] AS producerGlns, [x IN importers | x.gln] AS importerGlns
            RETURN key, scoredAs, consignment,
              [x IN blacklisted WHERE any(p IN parties WHERE p.gln = x.gln AND p.label = x.label)
                 | x{.*, role: [p IN parties WHERE p.gln = x.gln AND p.label = x.label | p.role][0]}] AS blacklisted,
              [h IN holds WHERE h.number <> coalesce(selfNumber, '')
                 AND (any(g IN h.importers WHERE g IN importerGlns) OR any(g IN h.producers WHERE g IN producerGlns))] AS holds,
              [i IN failures WHERE any(g IN i.producers WHERE g IN producerGlns) OR any(g IN i.importers WHERE g IN importerGlns)] AS failures,
              [f IN flags WHERE f.producer IN producerGlns] AS flags,
              [r IN complaints WHERE r.producer IN producerGlns] AS complaints,
              [r IN partnerEvents WHERE r.producer IN producerGlns] AS partnerEvents,
              COLLECT { UNWIND certified AS cb MATCH (cb)<-[:CERTIFIES]-(cert:Certificate)
                        RETURN cert{.number, .kind, .status, .validUntil, subject: 'Batch ' + cb.gtin + '/' + cb.lot} }
              + COLLECT { UNWIND premises AS cp MATCH (cp)<-[:CERTIFIES]-(cert:Certificate)
                          RETURN cert{.number, .kind, .status, .validUntil, subject: 'Premises ' + cp.gln} } AS certificates,
              [ap IN premises | {gln: ap.gln, name: ap.name,
                                 passed: [(ap)<-[:OF]-(audit:Inspection {kind: 'PREMISES_AUDIT', result: 'PASS'}) | audit.performedOn]}] AS audits,
              COLLECT { UNWIND declaring AS dq MATCH (dq)-[dd:DECLARES]->(db:Batch)
                        RETURN {consignment: dq.declarationNumber, batch: db.gtin + '/' + db.lot, declared: dd.quantity,
                                shipped: [(dq)-[:SHIPPED_AS]->(:Shipment)-[dc:CARRIES]->(db) | dc.quantity][0],
                                declaredOnShipment: dd.quantity + reduce(t = 0, y IN [(dq)-[:SHIPPED_AS]->(:Shipment)<-[:SHIPPED_AS]-(:Consignment)-[dz:DECLARES]->(db)
                                                                                     | dz.quantity] | t + y)} } AS declaredItems,
              [tb IN counted | {batch: tb.gtin + '/' + tb.lot, produced: tb.quantity,
                                shipped: reduce(t = 0, y IN [(tb)<-[tc:CARRIES]-(:Shipment) | tc.quantity] | t + y),
                                declared: reduce(t = 0, y IN [(tb)<-[tz:DECLARES]-(:Consignment) | tz.quantity] | t + y)}] AS batchTotals,
              [px IN producers | {gln: px.gln, name: px.name, role: 'PRODUCER', createdAt: px.createdAt,
                                  approvedAt: [(px)-[:APPLIED]->(pa:Application {kind: 'ORGANIZATION_REGISTRATION', status: 'APPROVED'}) | pa.decidedAt][0]}]
              + [ix IN importers | {gln: ix.gln, name: ix.name, role: 'IMPORTER', createdAt: ix.createdAt,
                                    approvedAt: [(ix)-[:APPLIED]->(ia:Application {kind: 'ORGANIZATION_REGISTRATION', status: 'APPROVED'}) | ia.decidedAt][0]}] AS partners,
              categories
            """;

    /** The facts of one subject, with the consignment itself when the subject is one. */
    record SubjectFacts(String key, Set<RiskSubjectKind> scoredAs, RiskFacts facts, Consignment consignment) {
    }

    private final GraphReads graph;

    RiskFactsReader(GraphReads graph) {
        this.graph = graph;
    }

    /** Consignments by declaration number, those the caller may see. */
    List<SubjectFacts> consignments(Collection<String> numbers, LocalDate today, RiskProperties properties) {
        return read(CONSIGNMENTS.formatted("c.declarationNumber IN $keys AND " + Visibility.consignment("c")),
                Map.of("keys", List.copyOf(numbers)), today, properties);
    }

    /** Every arriving consignment the caller may see (declared, in transit, arrived, under inspection). */
    List<SubjectFacts> arrivingConsignments(LocalDate today, RiskProperties properties) {
        return read(CONSIGNMENTS.formatted("c.status IN $arriving AND " + Visibility.consignment("c")),
                Map.of("arriving", ARRIVING), today, properties);
    }

    /** Batches by key ({@code gtin/lot}), those the caller may see. */
    List<SubjectFacts> batches(Collection<String> keys, LocalDate today, RiskProperties properties) {
        return read(BATCHES, Map.of("keys", keys.stream().map(Batch::keyParameters).toList()), today, properties);
    }

    /** Organizations by GLN (any signed-in partner may read organizations). */
    List<SubjectFacts> organizations(Collection<String> glns, LocalDate today, RiskProperties properties) {
        return read(ORGANIZATIONS, Map.of("keys", List.copyOf(glns)), today, properties);
    }

    private List<SubjectFacts> read(String head, Map<String, Object> parameters, LocalDate today, RiskProperties properties) {
        Map<String, Object> p = new HashMap<>(Visibility.withParameters(parameters));
        LocalDate since = today.minusDays(properties.lookback().toDays());
        p.put("since", since);
        p.put("sinceInstant", since.atStartOfDay().atOffset(ZoneOffset.UTC));
        p.put("adverseDispositions", ADVERSE_DISPOSITIONS);
        p.put("workflowMark", WorkflowEvents.WORKFLOW_MARK);
        return graph.list(head + FACTS, p, RiskFactsRows::subject);
    }
}
