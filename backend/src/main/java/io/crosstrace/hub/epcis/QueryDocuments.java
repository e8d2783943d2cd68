package io.crosstrace.hub.epcis;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns stored events back into EPCIS JSON-LD: each event as it was captured, plus the {@code recordTime} the hub
 * gave it and, when it came without one, an {@code eventID} (its event hash ID, under which it can be fetched), with
 * identifiers in the form the client asked for ({@code GS1-EPC-Format}); the query document's {@code @context} joins
 * the standard context and those of the events' documents, so user extensions keep their namespaces.
 */
@Component
class QueryDocuments {

    static final String STANDARD_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    /** The identifier forms of the {@code GS1-EPC-Format} header. */
    enum EpcFormat {
        No_Preference, Always_GS1_Digital_Link, Always_EPC_URN, Never_Translates;

        static EpcFormat of(String header) {
            if (header == null || header.isBlank()) {
                return No_Preference;
            }
            try {
                return valueOf(header.strip());
            } catch (IllegalArgumentException e) {
                throw EpcisRequestException.queryParameter("GS1-EPC-Format",
                        "GS1-EPC-Format is one of No_Preference, Always_GS1_Digital_Link, Always_EPC_URN, Never_Translates");
            }
        }
    }

    private final EpcTranslator translator;

    QueryDocuments(EpcTranslator translator) {
        this.translator = translator;
    }

    ObjectNode queryDocument(List<StoredEvent> events, EpcFormat format) {
        ObjectNode document = JSON.createObjectNode();
        ArrayNode context = document.putArray("@context");
        context.add(STANDARD_CONTEXT);
        ArrayNode list = JSON.createArrayNode();
        for (StoredEvent stored : events) {
            list.add(event(stored, format));
            for (JsonNode entry : contextEntries(stored.context())) {
                if (!contains(context, entry)) {
                    context.add(entry);
                }
            }
        }
        document.put("type", "EPCISQueryDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", UTC_MILLIS.format(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        ObjectNode results = document.putObject("epcisBody").putObject("queryResults");
        results.put("queryName", "SimpleEventQuery");
        results.putObject("resultsBody").set("eventList", list);
        return document;
    }

    ObjectNode event(StoredEvent stored, EpcFormat format) {
        ObjectNode event = (ObjectNode) JSON.readTree(stored.json());
        if (!event.has("eventID")) {
            event.put("eventID", stored.eventId());
        }
        event.put("recordTime", UTC_MILLIS.format(stored.recordTime().withOffsetSameInstant(ZoneOffset.UTC)));
        switch (format) {
            case Always_GS1_Digital_Link -> translate(event, id -> id.startsWith("urn:epc:")
                    ? EpcTranslator.toDigitalLink(id).orElse(id) : id);
            case Always_EPC_URN -> translate(event, id -> id.startsWith("http")
                    ? translator.toEpcUrn(id).orElse(id) : id);
            default -> { }
        }
        return event;
    }

    /** Rewrites every identifier of the event (EPCs, classes, parent, places, sources and destinations). */
    private static void translate(ObjectNode event, UnaryOperator<String> form) {
        for (String list : EventFacts.INSTANCE_LISTS) {
            if (event.path(list).isArray()) {
                ArrayNode array = (ArrayNode) event.path(list);
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i).isString()) {
                        array.set(i, form.apply(array.get(i).asString()));
                    }
                }
            }
        }
        rewrite(event, "parentID", form);
        for (String list : EventFacts.QUANTITY_LISTS) {
            event.path(list).forEach(element -> rewrite(element, "epcClass", form));
        }
        rewrite(event.path("readPoint"), "id", form);
        rewrite(event.path("bizLocation"), "id", form);
        event.path("sourceList").forEach(source -> rewrite(source, "source", form));
        event.path("destinationList").forEach(destination -> rewrite(destination, "destination", form));
    }

    private static void rewrite(JsonNode holder, String field, UnaryOperator<String> form) {
        if (holder instanceof ObjectNode object && object.path(field).isString()) {
            object.put(field, form.apply(object.path(field).asString()));
        }
    }

    private static List<JsonNode> contextEntries(String context) {
        List<JsonNode> entries = new ArrayList<>();
        Optional.ofNullable(context).map(JSON::readTree).ifPresent(node -> {
            if (node.isArray()) {
                node.forEach(entries::add);
            } else {
                entries.add(node);
            }
        });
        return entries;
    }

    private static boolean contains(ArrayNode array, JsonNode entry) {
        for (JsonNode existing : array) {
            if (existing.equals(entry)) {
                return true;
            }
        }
        return false;
    }
}
