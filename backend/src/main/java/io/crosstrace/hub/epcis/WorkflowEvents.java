package io.crosstrace.hub.epcis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The steps of the audit-to-release workflow as EPCIS 2.0 events (JSON-LD, CBV 2.0 bare words), so the hub can hand
 * any partner the whole story in the standard, next to what partners captured themselves.
 *
 * <p>Identifiers are GS1 Digital Link URIs on {@code https://id.gs1.org}: a unit is its canonical path (without the
 * signature a label carries), a batch its GTIN and lot as an EPC class, a place its GLN. Hub-only references
 * (shipment, bill of lading, declaration, certificate numbers) are {@code urn:crosstrace:…} URIs.
 *
 * <p>Each event's ID is its own event hash (CBV 2.0 §8.9), so recording the same step twice gives the same ID and the
 * store keeps it once. How the chain maps onto EPCIS follows the project's standards notes: inspections are
 * {@code inspecting} with a {@code conformant} or {@code non_conformant} disposition, minting is
 * {@code commissioning}, shipments {@code shipping} in transit, the port {@code arriving}, {@code accepting} or
 * {@code holding}, a recall the {@code recalled} disposition.
 */
public final class WorkflowEvents {

    /** The GS1 resolver the Digital Link identifiers are written on, whatever host serves the hub. */
    public static final String ID_HOST = "https://id.gs1.org";
    /** The hub's own namespace for extension fields, declared in each event's context. */
    public static final String NAMESPACE = "https://crosstrace.io/epcis/";

    /** The extension field that marks an event as the hub's record of a workflow step. */
    public static final String RECORDED_BY = "ct:recordedBy";
    public static final String WORKFLOW = "workflow";
    /** How a stored event's JSON shows the mark (compact JSON, as stored). */
    public static final String WORKFLOW_MARK = "\"" + RECORDED_BY + "\":\"" + WORKFLOW + "\"";

    private static final String CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private WorkflowEvents() {
    }

    /** A batch: its GTIN and lot; {@code quantity} in units, or null where the step concerns the batch as such. */
    public record BatchRef(String gtin, String lot, Long quantity) {
    }

    /**
     * Codes minted for a batch at its premises: ObjectEvent ADD {@code commissioning}, {@code active}, for the lot and
     * the number of codes, with the lot's dates as instance/lot master data. Recorded at the lot level: an event
     * listing every code would triple the minting transaction of 100,000 codes (an identifier node and two links per
     * code), while the codes themselves are in the hub, each resolvable and linked to its batch.
     */
    public static ObjectNode commissioning(Instant when, String premisesGln, String gtin, String lot,
            LocalDate productionDate, LocalDate expiryDate, long codes) {
        ObjectNode event = objectEvent(when, "ADD", "commissioning", "active");
        quantities(event, List.of(new BatchRef(gtin, lot, codes)));
        place(event, premisesGln);
        ObjectNode ilmd = event.putObject("ilmd");
        if (productionDate != null) {
            ilmd.put("cbvmda:productionDate", productionDate.toString());
        }
        if (expiryDate != null) {
            ilmd.put("cbvmda:itemExpirationDate", expiryDate.toString());
        }
        ilmd.put("cbvmda:lotNumber", lot);
        return finish(event);
    }

    /**
     * An inspection body's finding: ObjectEvent OBSERVE {@code inspecting}, {@code conformant} when it passed. A
     * premises audit is about the place (no objects); a batch inspection about the sampled units of the batch.
     *
     * @param batch      null for a premises audit
     * @param kind       the hub's inspection kind, kept as an extension field
     * @param number     the inspection's number
     * @param placeGln   where it was done: the premises, or the port of loading for loading supervision
     */
    public static ObjectNode inspecting(Instant when, String kind, String number, boolean passed, String placeGln,
            BatchRef batch, List<BatchRef> shipmentBatches, String inspectorGln) {
        ObjectNode event = objectEvent(when, "OBSERVE", "LOADING_SUPERVISION".equals(kind) ? "loading" : "inspecting",
                passed ? "conformant" : "non_conformant");
        List<BatchRef> objects = batch != null ? List.of(batch) : shipmentBatches == null ? List.of() : shipmentBatches;
        if (objects.isEmpty()) {
            event.putArray("epcList");
        } else {
            quantities(event, objects);
        }
        place(event, placeGln);
        if (inspectorGln != null) {
            sourceOrDestination(event, "source", "owning_party", inspectorGln);
        }
        event.put("ct:inspectionKind", kind);
        event.put("ct:inspection", "urn:crosstrace:inspection:" + number);
        return finish(event);
    }

    /** A traceability certificate issued for a batch: {@code inspecting}, {@code conformant}, with its certification. */
    public static ObjectNode certified(Instant when, String certificateNumber, String issuerGln, String premisesGln, BatchRef batch,
            LocalDate validUntil) {
        ObjectNode event = objectEvent(when, "OBSERVE", "inspecting", "conformant");
        quantities(event, List.of(batch));
        place(event, premisesGln);
        sourceOrDestination(event, "source", "owning_party", issuerGln);
        // EPCIS 2.0 carries the certification as one URI; the validity stays in the hub's extension.
        event.put("certificationInfo", "urn:crosstrace:certificate:" + certificateNumber);
        if (validUntil != null) {
            event.put("ct:certificateValidUntil", validUntil.toString());
        }
        return finish(event);
    }

    /** Goods leave the port of loading: ObjectEvent OBSERVE {@code shipping}, {@code in_transit}, with the bill of lading. */
    public static ObjectNode shipping(Instant when, String shipmentNumber, String billOfLading, String shipperGln,
            String portOfLoadingGln, String portOfDischargeGln, List<BatchRef> batches) {
        ObjectNode event = objectEvent(when, "OBSERVE", "shipping", "in_transit");
        quantities(event, batches);
        place(event, portOfLoadingGln);
        ArrayNode transactions = event.putArray("bizTransactionList");
        if (billOfLading != null) {
            transaction(transactions, "bol", "urn:crosstrace:bol:" + billOfLading);
        }
        transaction(transactions, "desadv", "urn:crosstrace:shipment:" + shipmentNumber);
        if (shipperGln != null) {
            sourceOrDestination(event, "source", "owning_party", shipperGln);
        }
        if (portOfDischargeGln != null) {
            sourceOrDestination(event, "destination", "location", portOfDischargeGln);
        }
        return finish(event);
    }

    /**
     * A consignment at the port of arrival: {@code arriving} (ARRIVED), {@code inspecting} (UNDER_INSPECTION),
     * {@code accepting} and {@code conformant} (RELEASED), {@code holding} and {@code non_conformant} (HELD, REJECTED).
     * Other statuses are the importer's paperwork and have no event.
     *
     * @return empty for a status without an event
     */
    public static List<ObjectNode> atPort(Instant when, String status, String declarationNumber, String importerGln,
            String portGln, List<BatchRef> declared) {
        String[] stepAndDisposition = switch (status) {
            case "ARRIVED" -> new String[] {"arriving", "in_progress"};
            case "UNDER_INSPECTION" -> new String[] {"inspecting", "in_progress"};
            case "RELEASED" -> new String[] {"accepting", "conformant"};
            case "HELD", "REJECTED" -> new String[] {"holding", "non_conformant"};
            default -> null;
        };
        if (stepAndDisposition == null) {
            return List.of();
        }
        ObjectNode event = objectEvent(when, "OBSERVE", stepAndDisposition[0], stepAndDisposition[1]);
        quantities(event, declared);
        place(event, portGln);
        transaction(event.putArray("bizTransactionList"), "urn:crosstrace:btt:customs_declaration",
                "urn:crosstrace:declaration:" + declarationNumber);
        if (importerGln != null) {
            sourceOrDestination(event, "destination", "owning_party", importerGln);
        }
        event.put("ct:consignmentStatus", status);
        return List.of(finish(event));
    }

    /** A recall of batches: ObjectEvent OBSERVE {@code holding} with the {@code recalled} disposition. */
    public static ObjectNode recalled(Instant when, String recallNumber, String initiatorGln, List<BatchRef> batches) {
        ObjectNode event = objectEvent(when, "OBSERVE", "holding", "recalled");
        quantities(event, batches);
        if (initiatorGln != null) {
            place(event, initiatorGln);
        }
        event.put("ct:recall", "urn:crosstrace:recall:" + recallNumber);
        return finish(event);
    }

    /** A single event as a capture document (what a partner system would post), for hand-over and validation. */
    public static ObjectNode document(Instant created, List<ObjectNode> events) {
        ObjectNode document = JSON.createObjectNode();
        context(document);
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", TIME.format(created.truncatedTo(ChronoUnit.MILLIS)));
        ArrayNode list = document.putObject("epcisBody").putArray("eventList");
        events.forEach(list::add);
        return document;
    }

    private static ObjectNode objectEvent(Instant when, String action, String bizStep, String disposition) {
        ObjectNode event = JSON.createObjectNode();
        context(event);
        event.put("type", "ObjectEvent");
        event.put("eventTime", TIME.format(when.truncatedTo(ChronoUnit.MILLIS)));
        event.put("eventTimeZoneOffset", "+00:00");
        event.put("action", action);
        event.put("bizStep", bizStep);
        event.put("disposition", disposition);
        // Marks the hub's own record of a workflow step, so readers that show those steps already can tell it from
        // what partners captured.
        event.put(RECORDED_BY, WORKFLOW);
        return event;
    }

    private static void context(ObjectNode node) {
        node.set("@context", context());
    }

    /** The JSON-LD context of the hub's events: the EPCIS context and the hub's extension namespace. */
    public static ArrayNode context() {
        ArrayNode context = JSON.createArrayNode();
        context.add(CONTEXT);
        context.addObject().put("ct", NAMESPACE);
        return context;
    }

    private static void quantities(ObjectNode event, List<BatchRef> batches) {
        if (!event.has("epcList")) {
            event.putArray("epcList");
        }
        ArrayNode list = event.putArray("quantityList");
        for (BatchRef batch : batches) {
            ObjectNode q = list.addObject();
            q.put("epcClass", ID_HOST + new DigitalLink(new Gtin(batch.gtin()), null, new LotNumber(batch.lot()), null).path());
            if (batch.quantity() != null) {
                q.put("quantity", batch.quantity());
                q.put("uom", "H87");
            }
        }
    }

    private static void place(ObjectNode event, String gln) {
        if (gln != null) {
            event.putObject("readPoint").put("id", ID_HOST + "/414/" + gln);
            event.putObject("bizLocation").put("id", ID_HOST + "/414/" + gln);
        }
    }

    /** A source or destination: a party by its party GLN (AI 417), a location by its GLN (AI 414). */
    private static void sourceOrDestination(ObjectNode event, String element, String type, String gln) {
        ObjectNode entry = event.withArray(element + "List").addObject();
        entry.put("type", type);
        entry.put(element, ID_HOST + (type.equals("location") ? "/414/" : "/417/") + gln);
    }

    private static void transaction(ArrayNode list, String type, String id) {
        list.addObject().put("type", type).put("bizTransaction", id);
    }

    /** Sets the event's ID to its own event hash (CBV 2.0 §8.9). */
    private static ObjectNode finish(ObjectNode event) {
        ObjectNode withId = JSON.createObjectNode();
        event.properties().forEach(e -> {
            withId.set(e.getKey(), e.getValue());
            if (e.getKey().equals("type")) {
                withId.put("eventID", EventHash.of(event, Map.of("ct", NAMESPACE)));
            }
        });
        return withId;
    }
}
