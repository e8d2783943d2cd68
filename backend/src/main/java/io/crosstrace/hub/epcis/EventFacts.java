package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the graph keeps of one event besides its JSON: the values queries filter on, in their canonical forms
 * ({@link CbvValues}, {@link EpcisIdentifiers}), and the identifiers and places it names, with the JSON Pointer of
 * each so a refusal can say which field it was.
 */
record EventFacts(ObjectNode event, String pointer, String type, String eventId, String hashId,
                  OffsetDateTime eventTime, String eventTimeZoneOffset, String action, String bizStep,
                  String disposition, String readPoint, String bizLocation, List<Named> epcs, List<Named> places,
                  List<BizTransaction> bizTransactions, boolean declaresError) {

    /** An identifier the event names: where ({@code pointer}), in which role (list), canonical. */
    record Named(String pointer, String role, String canonical) {
    }

    /** A business transaction: canonical type (empty when untyped) and the identifier as given. */
    record BizTransaction(String type, String value) {
        /** The key {@code EQ_bizTransaction_{type}} compares with. */
        String key() {
            return type + "|" + value;
        }
    }

    static final List<String> INSTANCE_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    static final List<String> QUANTITY_LISTS = List.of("quantityList", "childQuantityList", "inputQuantityList",
            "outputQuantityList");

    /** Reads an event that passed {@link EpcisDocumentValidator}; throws {@link EpcisRequestException} otherwise. */
    static EventFacts read(ObjectNode event, String pointer, Map<String, String> namespaces, CbvValues cbv) {
        return read(event, pointer, EventHash.of(event, namespaces), cbv);
    }

    /** As above, with the hash computed by the caller over the whole document (see {@link EventHash#ofDocument}). */
    static EventFacts read(ObjectNode event, String pointer, String hashId, CbvValues cbv) {
        String eventId = text(event, "eventID");
        OffsetDateTime eventTime;
        try {
            eventTime = OffsetDateTime.parse(CanonicalValue.timestamp(text(event, "eventTime")));
        } catch (DateTimeParseException | NullPointerException e) {
            throw EpcisRequestException.validation(pointer + "/eventTime", "eventTime must be an RFC 3339 date-time with offset");
        }
        List<Named> epcs = new ArrayList<>();
        for (String list : INSTANCE_LISTS) {
            JsonNode values = event.path(list);
            for (int i = 0; values.isArray() && i < values.size(); i++) {
                if (values.get(i).isString()) {
                    epcs.add(new Named(pointer + "/" + list + "/" + i, list, EpcisIdentifiers.canonical(values.get(i).asString())));
                }
            }
        }
        if (event.path("parentID").isString()) {
            epcs.add(new Named(pointer + "/parentID", "parentID", EpcisIdentifiers.canonical(event.path("parentID").asString())));
        }
        for (String list : QUANTITY_LISTS) {
            JsonNode values = event.path(list);
            for (int i = 0; values.isArray() && i < values.size(); i++) {
                JsonNode epcClass = values.get(i).path("epcClass");
                if (epcClass.isString()) {
                    epcs.add(new Named(pointer + "/" + list + "/" + i + "/epcClass", list,
                            EpcisIdentifiers.canonical(epcClass.asString())));
                }
            }
        }
        String readPoint = EpcisIdentifiers.canonical(text(event.path("readPoint"), "id"));
        String bizLocation = EpcisIdentifiers.canonical(text(event.path("bizLocation"), "id"));
        List<Named> places = new ArrayList<>();
        if (readPoint != null) {
            places.add(new Named(pointer + "/readPoint/id", "readPoint", readPoint));
        }
        if (bizLocation != null) {
            places.add(new Named(pointer + "/bizLocation/id", "bizLocation", bizLocation));
        }
        for (String list : List.of("sourceList", "destinationList")) {
            String field = list.equals("sourceList") ? "source" : "destination";
            JsonNode entries = event.path(list);
            for (int i = 0; entries.isArray() && i < entries.size(); i++) {
                String id = text(entries.get(i), field);
                if (id != null) {
                    places.add(new Named(pointer + "/" + list + "/" + i + "/" + field, list, EpcisIdentifiers.canonical(id)));
                }
            }
        }
        List<BizTransaction> transactions = new ArrayList<>();
        JsonNode list = event.path("bizTransactionList");
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            String value = text(list.get(i), "bizTransaction");
            if (value != null) {
                String type = text(list.get(i), "type");
                transactions.add(new BizTransaction(type == null ? "" : cbv.bizTransactionType(type), value));
            }
        }
        return new EventFacts(event, pointer, text(event, "type"), eventId, hashId, eventTime,
                text(event, "eventTimeZoneOffset"), text(event, "action"), cbv.bizStep(text(event, "bizStep")),
                cbv.disposition(text(event, "disposition")), readPoint, bizLocation, List.copyOf(epcs),
                List.copyOf(places), List.copyOf(transactions), event.path("errorDeclaration").isObject());
    }

    /** The ID the event is stored and looked up under: its own eventID, or its hash ID when it has none. */
    String storedId() {
        return eventId != null ? eventId : hashId;
    }

    private static String text(JsonNode holder, String field) {
        JsonNode value = holder.path(field);
        return value.isString() ? value.asString() : null;
    }
}
