package io.crosstrace.hub.epcis;

import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The event hash ID of CBV 2.0 §8.9: {@code ni:///sha-256;{hex}?ver=CBV2.0} (RFC 6920 "ni" URI) over the UTF-8
 * pre-hash string of an event. Two captures of the same real-world event, in JSON-LD or XML, with URNs or Digital
 * Links, bare CBV words or Web URIs, yield the same ID.
 */
public final class EventHash {

    private static final String PREFIX = "ni:///sha-256;";
    private static final String SUFFIX = "?ver=CBV2.0";

    private EventHash() {
    }

    /** The hash ID of one event; {@code namespaces} are the prefixes declared in the enclosing document's context. */
    public static String of(JsonNode event, Map<String, String> namespaces) {
        return fromPreHash(preHashOf(event, namespaces));
    }

    /** The canonical pre-hash string of one event (CBV 2.0 §8.9.2). */
    public static String preHashOf(JsonNode event, Map<String, String> namespaces) {
        return PreHashString.of(new EventTreeReader(namespaces).read(event));
    }

    /** The hash IDs of all events of an EPCIS document, an EPCIS query document or a single bare event. */
    public static List<String> ofDocument(JsonNode document) {
        return preHashesOfDocument(document).stream().map(EventHash::fromPreHash).toList();
    }

    /** The pre-hash strings of all events of a document, in document order. */
    public static List<String> preHashesOfDocument(JsonNode document) {
        EventTreeReader reader = new EventTreeReader(EventTreeReader.namespacesOf(document),
                EventTreeReader.ignoredFieldsOf(document));
        List<String> preHashes = new ArrayList<>();
        for (JsonNode event : eventsOf(document)) {
            preHashes.add(PreHashString.of(reader.read(event)));
        }
        return preHashes;
    }

    /** The events of a document: {@code epcisBody.eventList}, {@code epcisBody.event}, query results, or itself. */
    public static List<JsonNode> eventsOf(JsonNode document) {
        JsonNode body = document.path("epcisBody");
        JsonNode list = body.path("eventList");
        if (list.isMissingNode()) {
            list = body.path("queryResults").path("resultsBody").path("eventList");
        }
        List<JsonNode> events = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(events::add);
        } else if (body.path("event").isObject()) {
            events.add(body.path("event"));
        } else if (body.isMissingNode() && document.has("eventTime")) {
            events.add(document);
        }
        return events;
    }

    public static String fromPreHash(String preHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(preHash.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest) + SUFFIX;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", impossible);
        }
    }
}
