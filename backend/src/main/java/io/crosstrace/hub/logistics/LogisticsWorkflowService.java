package io.crosstrace.hub.logistics;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.epcis.WorkflowEventRecorder;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.webhook.WebhookEventType;
import io.crosstrace.hub.webhook.WebhookEvents;

/**
 * Exporters and carriers record shipments of certified batches; importers declare consignments of what was shipped;
 * consignments move through their statuses, each move by the party whose step it is.
 */
@Service
public class LogisticsWorkflowService {

    public record BatchQuantityInput(String batch, Integer quantity) {
    }

    /** A batch as the consignment's documents declare it; the dates are what the documents state, checked at the port. */
    public record DeclaredItemInput(String batch, Integer quantity, LocalDate productionDate, LocalDate expiryDate) {
    }

    public record ShipmentCreateInput(String number, String container, String seal, String billOfLading, String vessel,
                                      String voyage, String mode, String portOfLoading, String portOfDischarge,
                                      LocalDate departedOn, List<BatchQuantityInput> items, String idempotencyKey) {
    }

    public record DocumentInput(String number, String kind, String title, LocalDate issuedOn) {
    }

    public record ConsignmentDeclareInput(String declarationNumber, String shipment, String arrivalPort,
                                          LocalDate expectedArrival, List<DocumentInput> documents,
                                          List<DeclaredItemInput> items, String idempotencyKey) {
    }

    static final Pattern SHIPMENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{3,40}");
    static final Pattern CONTAINER = Pattern.compile("[A-Z]{4}\\d{7}");
    static final Pattern DECLARATION_NUMBER = Pattern.compile("[A-Za-z0-9-]{6,40}");
    static final Set<String> DOCUMENT_KINDS = Set.of("COMMERCIAL_INVOICE", "PACKING_LIST", "BILL_OF_LADING",
            "HEALTH_CERTIFICATE", "ORIGIN_CERTIFICATE");

    /** Who moves a consignment from one status to the next. */
    private static final Map<String, Map<String, Set<Role>>> TRANSITIONS = Map.of(
            "DECLARED", Map.of("IN_TRANSIT", Set.of(Role.IMPORTER, Role.LOGISTICS, Role.EXPORTER)),
            "IN_TRANSIT", Map.of("ARRIVED", Set.of(Role.IMPORTER, Role.LOGISTICS, Role.INSPECTOR)),
            "ARRIVED", Map.of("UNDER_INSPECTION", Set.of(Role.INSPECTOR)),
            "UNDER_INSPECTION", Map.of("RELEASED", Set.of(Role.INSPECTOR), "HELD", Set.of(Role.INSPECTOR),
                    "REJECTED", Set.of(Role.INSPECTOR)),
            "HELD", Map.of("RELEASED", Set.of(Role.INSPECTOR), "REJECTED", Set.of(Role.INSPECTOR)));

    private final Neo4jClient neo4j;
    private final Mutations mutations;
    private final LogisticsService logistics;
    private final LedgerService ledger;
    private final WorkflowEventRecorder epcis;
    private final Clock clock;
    private final WebhookEvents webhooks;

    LogisticsWorkflowService(WebhookEvents webhooks, Neo4jClient neo4j, Mutations mutations, LogisticsService logistics, LedgerService ledger, WorkflowEventRecorder epcis,
                             Clock clock) {
        this.webhooks = webhooks;
        this.neo4j = neo4j;
        this.mutations = mutations;
        this.logistics = logistics;
        this.ledger = ledger;
        this.epcis = epcis;
        this.clock = clock;
    }

    /** An exporter or carrier ships batches that hold a valid traceability certificate on the day of departure. */
    public Outcome<Shipment> createShipment(ShipmentCreateInput in) {
        Actor actor = CurrentActor.require(Role.EXPORTER, Role.LOGISTICS);
        return mutations.create("shipmentCreate", in.idempotencyKey(), in, () -> {
            require(in.number() != null && SHIPMENT_NUMBER.matcher(in.number()).matches(), "INVALID_NUMBER",
                    "A shipment number has 3 to 40 letters, digits or '-'", "number");
            require(in.container() == null || CONTAINER.matcher(in.container()).matches(), "INVALID_CONTAINER",
                    "A container number is 4 capital letters and 7 digits (ISO 6346)", "container");
            require(in.mode() == null || Set.of("SEA", "AIR").contains(in.mode()), "INVALID_MODE", "SEA or AIR", "mode");
            String from = Rules.gln(in.portOfLoading(), "portOfLoading");
            String to = Rules.gln(in.portOfDischarge(), "portOfDischarge");
            require(!from.equals(to), "SAME_PORTS", "Loading and discharge ports differ", "portOfDischarge");
            LocalDate departed = in.departedOn() == null ? LocalDate.now(clock) : in.departedOn();
            require(Rules.count(neo4j, "MATCH (l:Location) WHERE l.gln IN [$from, $to] RETURN count(l) AS n",
                    Map.of("from", from, "to", to)) == 2, "UNKNOWN_PORT", "Both ports must be known locations", "portOfDischarge");
            require(Rules.count(neo4j, "MATCH (s:Shipment {number: $number}) RETURN count(s) AS n", Map.of("number", in.number())) == 0,
                    "SHIPMENT_EXISTS", "A shipment with this number exists", "number");
            List<Map<String, Object>> items = quantities(in.items());
            for (int i = 0; i < items.size(); i++) {
                Map<String, Object> item = items.get(i);
                Map<String, Object> row = neo4j.query("""
                        MATCH (b:Batch {gtin: $gtin, lot: $lot})
                        RETURN coalesce(b.quantity, 0) AS produced,
                               reduce(t = 0, x IN [(b)<-[q:CARRIES]-(:Shipment) | q.quantity] | t + x) AS shipped,
                               EXISTS { (b)<-[:CERTIFIES]-(c:Certificate {kind: 'TRACEABILITY', status: 'VALID'})
                                        WHERE c.validFrom <= $day AND c.validUntil >= $day } AS certified""")
                        .bindAll(Map.of("gtin", item.get("gtin"), "lot", item.get("lot"), "day", departed)).fetch().one()
                        .orElseThrow(() -> new MutationRejected("BATCH_NOT_FOUND", "No such batch", "input", "items", "batch"));
                require((Boolean) row.get("certified"), "BATCH_NOT_CERTIFIED", "Batch " + item.get("gtin") + "/" + item.get("lot")
                        + " has no valid traceability certificate on " + departed + "; uncertified batches are not shipped", "items");
                long available = ((Number) row.get("produced")).longValue() - ((Number) row.get("shipped")).longValue();
                require(((Number) item.get("quantity")).longValue() <= available, "QUANTITY_EXCEEDS_BATCH",
                        "Batch " + item.get("gtin") + "/" + item.get("lot") + " has " + available + " coded units not shipped yet", "items");
            }
            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            p.put("number", in.number());
            p.put("container", in.container());
            p.put("seal", in.seal());
            p.put("billOfLading", in.billOfLading());
            p.put("vessel", in.vessel());
            p.put("voyage", in.voyage());
            p.put("mode", in.mode());
            p.put("departedOn", departed);
            p.put("from", from);
            p.put("to", to);
            p.put("items", items);
            neo4j.query("""
                    MATCH (o:Organization {gln: $org}), (from:Location {gln: $from}), (to:Location {gln: $to})
                    CREATE (o)-[:SHIPS]->(s:Shipment {number: $number, container: $container, seal: $seal,
                        billOfLading: $billOfLading, vessel: $vessel, voyage: $voyage, mode: $mode, departedOn: $departedOn})
                    CREATE (s)-[:DEPARTS_FROM]->(from)
                    CREATE (s)-[:BOUND_FOR]->(to)
                    WITH s
                    UNWIND $items AS item
                    MATCH (b:Batch {gtin: item.gtin, lot: item.lot})
                    CREATE (s)-[:CARRIES {quantity: item.quantity}]->(b)""").bindAll(p).run();
            epcis.shipmentCreated(in.number());
            ledger.append("shipment.create", "Shipment:" + in.number(), Map.of("items", items, "from", from, "to", to,
                    "departedOn", departed.toString()));
            return in.number();
        }, number -> logistics.shipmentsByNumber(List.of(number)).get(number));
    }

    /** An importer declares a consignment of a shipment; declared quantities stay within what was shipped. */
    public Outcome<Consignment> declareConsignment(ConsignmentDeclareInput in) {
        Actor actor = CurrentActor.require(Role.IMPORTER);
        return mutations.create("consignmentDeclare", in.idempotencyKey(), in, () -> {
            require(in.declarationNumber() != null && DECLARATION_NUMBER.matcher(in.declarationNumber()).matches(),
                    "INVALID_DECLARATION_NUMBER", "A declaration number has 6 to 40 letters, digits or '-'", "declarationNumber");
            require(Rules.count(neo4j, "MATCH (c:Consignment {declarationNumber: $n}) RETURN count(c) AS n",
                    Map.of("n", in.declarationNumber())) == 0, "CONSIGNMENT_EXISTS", "This declaration exists", "declarationNumber");
            String shipment = Rules.key(in.shipment(), Shipment.TYPE, "shipment");
            String port = Rules.gln(in.arrivalPort(), "arrivalPort");
            String discharge = neo4j.query("MATCH (s:Shipment {number: $number}) OPTIONAL MATCH (s)-[:BOUND_FOR]->(l) RETURN l.gln AS gln")
                    .bind(shipment).to("number").fetchAs(String.class).one()
                    .orElseThrow(() -> new MutationRejected("SHIPMENT_NOT_FOUND", "No such shipment", "input", "shipment"));
            require(port.equals(discharge), "PORT_MISMATCH", "The arrival port is the shipment's port of discharge", "arrivalPort");
            List<Map<String, Object>> documents = documents(in.documents());
            List<Map<String, Object>> items = declaredItems(in.items());
            for (Map<String, Object> item : items) {
                Map<String, Object> row = neo4j.query("""
                        MATCH (s:Shipment {number: $shipment})
                        OPTIONAL MATCH (s)-[q:CARRIES]->(b:Batch {gtin: $gtin, lot: $lot})
                        RETURN q.quantity AS shipped,
                               reduce(t = 0, x IN [(s)<-[:SHIPPED_AS]-(:Consignment)-[d:DECLARES]->(:Batch {gtin: $gtin, lot: $lot})
                                                   | d.quantity] | t + x) AS declared""")
                        .bindAll(Map.of("shipment", shipment, "gtin", item.get("gtin"), "lot", item.get("lot"))).fetch().one().orElseThrow();
                require(row.get("shipped") != null, "BATCH_NOT_ON_SHIPMENT", "Batch " + item.get("gtin") + "/" + item.get("lot")
                        + " is not on this shipment", "items");
                long left = ((Number) row.get("shipped")).longValue() - ((Number) row.get("declared")).longValue();
                require(((Number) item.get("quantity")).longValue() <= left, "QUANTITY_EXCEEDS_SHIPPED",
                        "Only " + left + " units of batch " + item.get("gtin") + "/" + item.get("lot") + " were shipped and not declared yet", "items");
            }
            Map<String, Object> p = new HashMap<>();
            p.put("org", actor.organizationGln());
            p.put("number", in.declarationNumber());
            p.put("shipment", shipment);
            p.put("port", port);
            p.put("today", LocalDate.now(clock));
            p.put("expectedArrival", in.expectedArrival());
            p.put("items", items);
            p.put("documents", documents);
            neo4j.query("""
                    MATCH (o:Organization {gln: $org}), (s:Shipment {number: $shipment}), (l:Location {gln: $port})
                    CREATE (o)-[:IMPORTS]->(c:Consignment {declarationNumber: $number, status: 'DECLARED', declaredOn: $today,
                                                           expectedArrival: $expectedArrival})
                    CREATE (c)-[:SHIPPED_AS]->(s)
                    CREATE (c)-[:ARRIVES_AT]->(l)
                    WITH c
                    CALL (c) {
                      UNWIND $items AS item
                      MATCH (b:Batch {gtin: item.gtin, lot: item.lot})
                      CREATE (c)-[:DECLARES {quantity: item.quantity, productionDate: item.productionDate, expiryDate: item.expiryDate}]->(b)
                    }
                    CALL (c) {
                      UNWIND $documents AS doc
                      CREATE (c)-[:HAS_DOCUMENT]->(:Document {number: doc.number, kind: doc.kind, title: doc.title, issuedOn: doc.issuedOn})
                    }""").bindAll(p).run();
            ledger.append("consignment.declare", "Consignment:" + in.declarationNumber(), Map.of("shipment", shipment,
                    "arrivalPort", port, "items", items, "documents", documents.size()));
            return in.declarationNumber();
        }, number -> logistics.consignmentsByNumber(List.of(number)).get(number));
    }

    /** Moves a consignment to its next status, if the caller's role takes that step and the consignment concerns it. */
    public Outcome<Consignment> changeStatus(String declarationNumber, String status, String note) {
        Actor actor = CurrentActor.require();
        return mutations.change(() -> {
            Map<String, Object> row = neo4j.query("""
                    MATCH (c:Consignment {declarationNumber: $number}) SET c.lockedAt = datetime()
                    RETURN c.status AS status, [(o:Organization)-[:IMPORTS]->(c) | o.gln][0] AS importer,
                           [(o:Organization)-[:SHIPS]->(:Shipment)<-[:SHIPPED_AS]-(c) | o.gln][0] AS shipper,
                           EXISTS { (:Organization {gln: $org})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c) } AS inspectsHere""")
                    .bindAll(Map.of("number", declarationNumber, "org", actor.organizationGln())).fetch().one()
                    .orElseThrow(() -> new MutationRejected("CONSIGNMENT_NOT_FOUND", "No such consignment", "input", "consignment"));
            String current = (String) row.get("status");
            Set<Role> allowed = TRANSITIONS.getOrDefault(current, Map.of()).get(status);
            require(allowed != null, "INVALID_TRANSITION", "A consignment goes from " + current + " to "
                    + TRANSITIONS.getOrDefault(current, Map.of()).keySet() + ", not to " + status, "status");
            boolean concerned = (actor.has(Role.IMPORTER) && allowed.contains(Role.IMPORTER) && actor.actsFor((String) row.get("importer")))
                    || (actor.hasAny(Role.LOGISTICS, Role.EXPORTER) && (allowed.contains(Role.LOGISTICS) || allowed.contains(Role.EXPORTER))
                        && actor.actsFor((String) row.get("shipper")))
                    || (actor.has(Role.INSPECTOR) && allowed.contains(Role.INSPECTOR) && (Boolean) row.get("inspectsHere"));
            if (!concerned) {
                // The same answer whether the consignment is someone else's or the step is not the caller's to take.
                throw new MutationRejected("NOT_YOUR_STEP", "Moving this consignment to " + status + " is not your step",
                        "input", "consignment");
            }
            require(note == null || note.length() <= 2000, "NOTE_TOO_LONG", "At most 2,000 characters", "note");
            Map<String, Object> p = new HashMap<>();
            p.put("number", declarationNumber);
            p.put("status", status);
            p.put("today", LocalDate.now(clock));
            neo4j.query("""
                    MATCH (c:Consignment {declarationNumber: $number})
                    SET c.status = $status, c.releasedOn = CASE WHEN $status = 'RELEASED' THEN $today ELSE c.releasedOn END""")
                    .bindAll(p).run();
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", current);
            change.put("to", status);
            change.put("note", note == null ? "" : note);
            List<String> told = new ArrayList<>();
            for (String party : new String[] {(String) row.get("importer"), (String) row.get("shipper")}) {
                if (party != null && !told.contains(party)) {
                    told.add(party);
                }
            }
            webhooks.publish(WebhookEventType.CONSIGNMENT_STATUS_CHANGED, told, "Consignment:" + declarationNumber, change);
            epcis.consignmentStatusChanged(declarationNumber, status);
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("consignment.status", "Consignment:" + declarationNumber, change);
            return logistics.consignmentsByNumber(List.of(declarationNumber)).get(declarationNumber);
        });
    }

    private static List<Map<String, Object>> quantities(List<BatchQuantityInput> items) {
        require(items != null && !items.isEmpty() && items.size() <= 500, "ITEMS_REQUIRED", "1 to 500 items, one per batch", "items");
        List<Map<String, Object>> result = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (BatchQuantityInput item : items) {
            String key = Rules.key(item.batch(), Batch.TYPE, "items");
            require(seen.add(key), "DUPLICATE_BATCH", "Each batch appears once", "items");
            require(item.quantity() != null && item.quantity() > 0, "INVALID_QUANTITY", "Quantities are positive", "items");
            Map<String, Object> row = new HashMap<>(Batch.keyParameters(key));
            row.put("quantity", item.quantity().longValue());
            result.add(row);
        }
        return result;
    }

    /** The quantities as for a shipment, with the dates the documents state (optional, expiry after production). */
    private static List<Map<String, Object>> declaredItems(List<DeclaredItemInput> items) {
        List<Map<String, Object>> result = quantities(items == null ? null
                : items.stream().map(item -> new BatchQuantityInput(item.batch(), item.quantity())).toList());
        for (int i = 0; i < result.size(); i++) {
            DeclaredItemInput item = items.get(i);
            require(item.productionDate() == null || item.expiryDate() == null || item.expiryDate().isAfter(item.productionDate()),
                    "INVALID_DATES", "The expiry date comes after the production date", "items");
            result.get(i).put("productionDate", item.productionDate());
            result.get(i).put("expiryDate", item.expiryDate());
        }
        return result;
    }

    private static List<Map<String, Object>> documents(List<DocumentInput> documents) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (DocumentInput d : documents == null ? List.<DocumentInput>of() : documents) {
            require(d.number() != null && !d.number().isBlank() && d.number().length() <= 60, "INVALID_DOCUMENT",
                    "Each document has a number of up to 60 characters", "documents");
            require(DOCUMENT_KINDS.contains(d.kind()), "INVALID_DOCUMENT", "Document kinds: " + DOCUMENT_KINDS, "documents");
            Map<String, Object> row = new HashMap<>();
            row.put("number", d.number());
            row.put("kind", d.kind());
            row.put("title", d.title());
            row.put("issuedOn", d.issuedOn());
            result.add(row);
        }
        require(result.stream().anyMatch(d -> "COMMERCIAL_INVOICE".equals(d.get("kind"))), "INVOICE_REQUIRED",
                "A declaration lodges at least its commercial invoice", "documents");
        return result;
    }
}
