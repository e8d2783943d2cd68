package io.crosstrace.hub.epcis;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates an EPCIS 2.0 document (or a single event) in JSON-LD: first the CBV values, which may come as bare
 * words, Web URIs or URNs (CBV 2.0 §8.3), then the bundled GS1 JSON Schema (EPCIS 2.0 §10.2), then the
 * identifiers, which must be well-formed EPC URNs or GS1 Digital Link URIs when they claim to be either (EPCIS 2.0
 * §7.3.1; other URIs are allowed). The input is never changed: user extensions stay as they came.
 */
public final class EpcisDocumentValidator {

    private static final String SCHEMA_RESOURCE = "/epcis/EPCIS-JSON-Schema.json";
    private static final Set<String> EVENT_TYPES = Set.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");
    private static final List<String> EPC_LISTS = List.of("epcList", "childEPCs", "inputEPCList", "outputEPCList");
    private static final List<String> QUANTITY_LISTS = List.of("quantityList", "childQuantityList",
            "inputQuantityList", "outputQuantityList");

    private static final String GS1_VOC = "https://gs1.org/voc/";
    /**
     * The GS1 Web Vocabulary prefix of the standard EPCIS 2.0 JSON-LD context. ({@code cbv:} is not expanded when
     * undeclared: documents use it for their own terms, e.g. {@code cbv:my_own_party}.)
     */
    private static final Map<String, String> STANDARD_CONTEXT_PREFIXES = Map.of("gs1", GS1_VOC);

    private final Schema schema;
    private final CbvVocabulary bizStep;
    private final CbvVocabulary disposition;
    private final CbvVocabulary bizTransactionType;
    private final CbvVocabulary sourceDestinationType;
    private final CbvVocabulary errorReason;
    private final CbvVocabulary component;

    public EpcisDocumentValidator() {
        JsonNode schemaJson = readSchema();
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schemaJson);
        this.bizStep = CbvVocabulary.bizStep(schemaJson);
        this.disposition = CbvVocabulary.disposition(schemaJson);
        this.bizTransactionType = CbvVocabulary.bizTransactionType(schemaJson);
        this.sourceDestinationType = CbvVocabulary.sourceDestinationType(schemaJson);
        this.errorReason = CbvVocabulary.errorReason(schemaJson);
        this.component = CbvVocabulary.component(schemaJson);
    }

    /** All problems of the document or event; empty when it is valid. */
    public List<EpcisProblem> validate(JsonNode documentOrEvent) {
        if (!documentOrEvent.isObject()) {
            return List.of(EpcisProblem.validation("", "an EPCIS document or event must be a JSON object"));
        }
        // The schema knows CBV values only as bare words; check and translate the other spellings on a copy.
        ObjectNode copy = (ObjectNode) documentOrEvent.deepCopy();
        Map<String, String> namespaces = EventTreeReader.namespacesOf(copy);
        Set<EpcisProblem> problems = new LinkedHashSet<>();
        Map<String, ObjectNode> events = events(copy);
        for (Map.Entry<String, ObjectNode> event : events.entrySet()) {
            checkCbvValues(event.getKey(), event.getValue(), namespaces, problems);
        }
        Set<String> reported = new java.util.HashSet<>();
        problems.forEach(p -> reported.add(p.pointer()));
        for (Error error : schema.validate(copy)) {
            String pointer = pointer(error.getInstanceLocation());
            if (!reported.contains(pointer) && !SchemaGaps.tolerated(error, pointer, events.keySet(), copy)) {
                problems.add(EpcisProblem.validation(pointer, error.getMessage()));
            }
        }
        for (Map.Entry<String, ObjectNode> event : events(copy).entrySet()) {
            checkIdentifiers(event.getKey(), event.getValue(), problems);
        }
        return List.copyOf(problems);
    }

    /** Events by their JSON Pointer: those of a document or query document, or the input itself if an event. */
    private static Map<String, ObjectNode> events(ObjectNode root) {
        Map<String, ObjectNode> events = new java.util.LinkedHashMap<>();
        String type = root.path("type").asString("");
        if (EVENT_TYPES.contains(type)) {
            events.put("", root);
            return events;
        }
        JsonNode list = root.path("epcisBody").path("eventList");
        String base = "/epcisBody/eventList/";
        if (!list.isArray()) {
            list = root.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
            base = "/epcisBody/queryResults/resultsBody/eventList/";
        }
        if (list.isArray()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isObject()) {
                    events.put(base + i, (ObjectNode) list.get(i));
                }
            }
        }
        return events;
    }

    private void checkCbvValues(String at, ObjectNode event, Map<String, String> namespaces, Set<EpcisProblem> problems) {
        expandCompactIris(event, namespaces);
        normalise(event, "bizStep", bizStep, at + "/bizStep", problems);
        normalise(event, "disposition", disposition, at + "/disposition", problems);
        if (event.path("persistentDisposition").isObject()) {
            ObjectNode persistent = (ObjectNode) event.path("persistentDisposition");
            for (String key : List.of("set", "unset")) {
                normaliseAll(persistent.path(key), disposition, at + "/persistentDisposition/" + key, problems);
            }
        }
        forEachObject(event.path("bizTransactionList"), at + "/bizTransactionList", (entry, pointer) ->
                normalise(entry, "type", bizTransactionType, pointer + "/type", problems));
        for (String list : List.of("sourceList", "destinationList")) {
            forEachObject(event.path(list), at + "/" + list, (entry, pointer) ->
                    normalise(entry, "type", sourceDestinationType, pointer + "/type", problems));
        }
        if (event.path("errorDeclaration").isObject()) {
            normalise((ObjectNode) event.path("errorDeclaration"), "reason", errorReason,
                    at + "/errorDeclaration/reason", problems);
        }
        forEachObject(event.path("sensorElementList"), at + "/sensorElementList", (element, pointer) ->
                forEachObject(element.path("sensorReport"), pointer + "/sensorReport", (report, reportPointer) ->
                        normalise(report, "component", component, reportPointer + "/component", problems)));
    }

    /**
     * A compact IRI ({@code example:someSensorProperty}) with a prefix declared in the document's context is, in
     * JSON-LD, the full IRI; the schema checks vocabulary values as URIs, so they are expanded on the copy.
     */
    private static void expandCompactIris(ObjectNode event, Map<String, String> namespaces) {
        expandCompactIri(event, "bizStep", namespaces);
        expandCompactIri(event, "disposition", namespaces);
        forEachObject(event.path("sensorElementList"), "", (element, pointer) ->
                forEachObject(element.path("sensorReport"), "", (report, reportPointer) -> {
                    expandCompactIri(report, "type", namespaces);
                    expandCompactIri(report, "exception", namespaces);
                    expandCompactIri(report, "component", namespaces);
                    // Measurement and alert types are GS1 Web Vocabulary terms; the schema knows their bare words.
                    for (String field : List.of("type", "exception")) {
                        if (report.path(field).isString() && report.path(field).asString().startsWith(GS1_VOC)) {
                            report.put(field, report.path(field).asString().substring(GS1_VOC.length()));
                        }
                    }
                }));
        for (String list : List.of("bizTransactionList", "sourceList", "destinationList")) {
            forEachObject(event.path(list), "", (entry, pointer) -> expandCompactIri(entry, "type", namespaces));
        }
    }

    private static void expandCompactIri(ObjectNode holder, String field, Map<String, String> namespaces) {
        JsonNode value = holder.path(field);
        if (!value.isString()) {
            return;
        }
        String text = value.asString();
        int colon = text.indexOf(':');
        if (colon <= 0 || text.startsWith("http")) {
            return;
        }
        String prefix = text.substring(0, colon);
        String namespace = namespaces.getOrDefault(prefix, STANDARD_CONTEXT_PREFIXES.get(prefix));
        if (namespace != null) {
            holder.put(field, namespace + text.substring(colon + 1));
        }
    }

    private static void normalise(ObjectNode holder, String field, CbvVocabulary vocabulary, String pointer,
                                  Set<EpcisProblem> problems) {
        JsonNode value = holder.path(field);
        if (!value.isString()) {
            return;
        }
        switch (vocabulary.read(value.asString())) {
            case CbvVocabulary.StandardWord standard -> holder.put(field, standard.word());
            case CbvVocabulary.UserDefined ignored -> { }
            case CbvVocabulary.Unknown unknown -> problems.add(EpcisProblem.validation(pointer, unknown.reason()));
        }
    }

    private static void normaliseAll(JsonNode values, CbvVocabulary vocabulary, String pointer, Set<EpcisProblem> problems) {
        if (!values.isArray()) {
            return;
        }
        ArrayNode array = (ArrayNode) values;
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isString()) {
                continue;
            }
            switch (vocabulary.read(array.get(i).asString())) {
                case CbvVocabulary.StandardWord standard -> array.set(i, standard.word());
                case CbvVocabulary.UserDefined ignored -> { }
                case CbvVocabulary.Unknown unknown -> problems.add(EpcisProblem.validation(pointer + "/" + i, unknown.reason()));
            }
        }
    }

    private void checkIdentifiers(String at, ObjectNode event, Set<EpcisProblem> problems) {
        for (String list : EPC_LISTS) {
            JsonNode epcs = event.path(list);
            for (int i = 0; epcs.isArray() && i < epcs.size(); i++) {
                checkIdentifier(epcs.get(i), at + "/" + list + "/" + i, problems);
            }
        }
        checkIdentifier(event.path("parentID"), at + "/parentID", problems);
        for (String list : QUANTITY_LISTS) {
            forEachObject(event.path(list), at + "/" + list, (element, pointer) ->
                    checkIdentifier(element.path("epcClass"), pointer + "/epcClass", problems));
        }
        checkIdentifier(event.path("readPoint").path("id"), at + "/readPoint/id", problems);
        checkIdentifier(event.path("bizLocation").path("id"), at + "/bizLocation/id", problems);
    }

    /** An identifier that claims to be an EPC URN or a GS1 Digital Link must be a well-formed one. */
    private static void checkIdentifier(JsonNode value, String pointer, Set<EpcisProblem> problems) {
        if (!value.isString()) {
            return;
        }
        String id = value.asString();
        if (id.startsWith("urn:epc:")) {
            if (!id.startsWith("urn:epc:idpat:") && EpcUrnToDigitalLink.toDigitalLink(id).isEmpty()
                    && !id.startsWith("urn:epc:id:adi:") && !id.startsWith("urn:epc:id:bic:")
                    && !id.startsWith("urn:epc:id:imovn:") && !id.startsWith("urn:epc:id:gid:")
                    && !id.startsWith("urn:epc:id:usdod:") && !id.startsWith("urn:epc:class:")) {
                problems.add(EpcisProblem.validation(pointer, "'" + id + "' is not a well-formed EPC URN"));
            }
        } else if (GS1_DIGITAL_LINK_HOST.matcher(id).find() && DigitalLinkCanonicaliser.canonicalise(id).isEmpty()) {
            problems.add(EpcisProblem.validation(pointer, "'" + id + "' is not a valid GS1 Digital Link URI"));
        } else if (GS1_DIGITAL_LINK_HOST.matcher(id).find() && !digitalLinkCheckDigitsValid(id)) {
            // Only on GS1's own resolver domain: elsewhere a path like /8003/… need not be a GS1 key at all.
            problems.add(EpcisProblem.validation(pointer, "'" + id + "' has a wrong check digit"));
        }
    }

    private static final java.util.regex.Pattern GS1_DIGITAL_LINK_HOST = java.util.regex.Pattern.compile("^https?://id\\.gs1\\.org/");

    /** Check digits of the fixed-length numeric primary keys of a Digital Link (GS1 General Specifications §7.9). */
    private static boolean digitalLinkCheckDigitsValid(String uri) {
        String canonical = DigitalLinkCanonicaliser.canonicalise(uri).orElseThrow();
        String[] segments = canonical.substring(EpcUrnToDigitalLink.CANONICAL_HOST.length() + 1).split("/");
        String ai = segments[0];
        String key = segments[1];
        return switch (ai) {
            case "01", "00", "414", "417", "8017", "8018", "402" -> io.crosstrace.gs1.CheckDigit.isValid(key);
            case "8006" -> io.crosstrace.gs1.CheckDigit.isValid(key.substring(0, 14));
            case "253", "255" -> io.crosstrace.gs1.CheckDigit.isValid(key.substring(0, 13));
            case "8003" -> io.crosstrace.gs1.CheckDigit.isValid(key.substring(0, 14));
            default -> true;
        };
    }

    private interface EntryCheck {
        void check(ObjectNode entry, String pointer);
    }

    private static void forEachObject(JsonNode list, String pointer, EntryCheck check) {
        for (int i = 0; list.isArray() && i < list.size(); i++) {
            if (list.get(i).isObject()) {
                check.check((ObjectNode) list.get(i), pointer + "/" + i);
            }
        }
    }

    /** RFC 6901 JSON Pointer of a schema error's instance location. */
    static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            String element = String.valueOf(path.getElement(i));
            pointer.append('/').append(element.replace("~", "~0").replace("/", "~1"));
        }
        return pointer.toString();
    }

    /** The bundled GS1 EPCIS 2.0 JSON Schema (also the source of the CBV words). */
    static JsonNode readSchema() {
        try (InputStream in = EpcisDocumentValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled schema " + SCHEMA_RESOURCE);
            }
            return JsonMapper.builder().build().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
