package io.crosstrace.hub.epcis;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON-LD EPCIS event into the XML-shaped tree of {@link PreHashNode}s on which CBV 2.0 §8.9 defines the
 * pre-hash: list properties ({@code epcList}, {@code quantityList}…) get one child per entry named as in the XML
 * binding ({@code epc}, {@code quantityElement}…), CBV bare words become their Web URIs, and prefixed names of user
 * extensions are expanded with the namespaces declared in the document's {@code @context} to {@code {ns}local}.
 */
final class EventTreeReader {

    private static final String CBV = "https://ref.gs1.org/cbv/";
    private static final String GS1_VOC = "https://gs1.org/voc/";
    private static final Set<String> IGNORED_KEYS = Set.of("#text", "rdfs:comment", "comment");
    private static final Set<String> TYPED_PAIR_LISTS = Set.of("sourceList", "destinationList", "bizTransactionList");

    private final Map<String, String> namespaces;
    private final Set<String> ignoredFields;

    EventTreeReader(Map<String, String> namespaces) {
        this(namespaces, Set.of());
    }

    /** {@code ignoredFields}: event fields a repository declared as its own bookkeeping, left out of the hash. */
    EventTreeReader(Map<String, String> namespaces, Set<String> ignoredFields) {
        this.namespaces = namespaces;
        this.ignoredFields = ignoredFields;
    }

    /**
     * Field names listed under an {@code ignoreFields} property (in any namespace) of the document, its body or
     * its query results: repositories add such fields (their own hash, capture IDs) to events they hand out, and
     * they must not change the event's hash (CBV 2.0 §8.9.2 excludes data that is not part of the event).
     */
    static Set<String> ignoredFieldsOf(JsonNode document) {
        Set<String> ignored = new java.util.HashSet<>();
        JsonNode body = document.path("epcisBody");
        for (JsonNode holder : List.of(document, body, body.path("queryResults"))) {
            if (!holder.isObject()) {
                continue;
            }
            for (Map.Entry<String, JsonNode> e : holder.properties()) {
                if ((e.getKey().equals("ignoreFields") || e.getKey().endsWith(":ignoreFields")) && e.getValue().isArray()) {
                    e.getValue().forEach(name -> ignored.add(name.asString()));
                }
            }
        }
        return ignored;
    }

    /** Namespace prefixes declared inline in a document's {@code @context} (remote contexts are not fetched). */
    static Map<String, String> namespacesOf(JsonNode document) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        JsonNode context = document.path("@context");
        List<JsonNode> entries = new ArrayList<>();
        if (context.isArray()) {
            context.forEach(entries::add);
        } else if (context.isObject()) {
            entries.add(context);
        }
        for (JsonNode entry : entries) {
            if (entry.isObject()) {
                for (Map.Entry<String, JsonNode> e : entry.properties()) {
                    if (e.getValue().isString()) {
                        namespaces.put(e.getKey(), e.getValue().asString());
                    }
                }
            }
        }
        return namespaces;
    }

    PreHashNode read(JsonNode event) {
        PreHashNode raw = convert(event, "", "");
        String type = event.path("type").isString() ? event.path("type").asString() : "";
        return correctStructure(new PreHashNode(type, "", raw.children));
    }

    private PreHashNode convert(JsonNode json, String key, String containerKey) {
        if (json.isArray()) {
            List<PreHashNode> elements = new ArrayList<>();
            for (JsonNode element : json) {
                elements.add(convert(element, key, containerKey));
            }
            return new PreHashNode("", "", elements);
        }
        if (json.isObject()) {
            List<PreHashNode> children = new ArrayList<>();
            String text = json.path("#text").isValueNode() ? scalarText(json.path("#text")) : "";
            for (Map.Entry<String, JsonNode> e : json.properties()) {
                String childKey = e.getKey();
                if (IGNORED_KEYS.contains(childKey) || childKey.startsWith("@")
                        || (key.isEmpty() && ignoredFields.contains(childKey))) {
                    continue;
                }
                PreHashNode child = convert(e.getValue(), childKey, key);
                String name = expandKey(childKey);
                if (e.getValue().isArray()) {
                    for (PreHashNode element : child.children) {
                        children.add(new PreHashNode(name, element.text, element.children));
                    }
                } else {
                    children.add(new PreHashNode(name, child.text, child.children));
                }
            }
            return new PreHashNode("", text, children);
        }
        return PreHashNode.leaf("", expandValue(key, containerKey, scalarText(json)));
    }

    private static String scalarText(JsonNode scalar) {
        if (scalar.isBoolean()) {
            // The reference vectors render JSON booleans as True/False.
            return scalar.asBoolean() ? "True" : "False";
        }
        if (scalar.isNull()) {
            return "None";
        }
        return scalar.asString();
    }

    private String expandKey(String key) {
        int colon = key.indexOf(':');
        if (colon > 0 && namespaces.containsKey(key.substring(0, colon))) {
            return "{" + namespaces.get(key.substring(0, colon)) + "}" + key.substring(colon + 1);
        }
        return key;
    }

    /** CBV bare words and compact IRIs to the Web URIs the JSON-LD context maps them to (CBV 2.0 §8.9, step 2). */
    private String expandValue(String key, String containerKey, String value) {
        int colon = value.indexOf(':');
        if (colon > 0) {
            String prefix = value.substring(0, colon);
            if (namespaces.containsKey(prefix)) {
                return namespaces.get(prefix) + value.substring(colon + 1);
            }
            if (prefix.equals("cbv")) {
                return CBV + value.substring(colon + 1);
            }
            if (prefix.equals("gs1")) {
                return GS1_VOC + value.substring(colon + 1);
            }
            return value;
        }
        if (value.isBlank()) {
            return value;
        }
        String base = switch (key) {
            case "bizStep" -> CBV + "BizStep-";
            case "disposition" -> CBV + "Disp-";
            case "set", "unset" -> "persistentDisposition".equals(containerKey) ? CBV + "Disp-" : null;
            case "reason" -> "errorDeclaration".equals(containerKey) ? CBV + "ER-" : null;
            case "component" -> "sensorReport".equals(containerKey) ? CBV + "Comp-" : null;
            case "exception" -> "sensorReport".equals(containerKey) ? GS1_VOC : null;
            case "type" -> switch (containerKey) {
                case "bizTransactionList" -> CBV + "BTT-";
                case "sourceList", "destinationList" -> CBV + "SDT-";
                case "sensorReport" -> GS1_VOC;
                default -> null;
            };
            default -> null;
        };
        return base == null ? value : base + value;
    }

    /**
     * The JSON binding omits the element names of list entries and wraps differently than the XML binding the
     * hash algorithm is defined on; this restores the XML shape, level by level.
     */
    private static PreHashNode correctStructure(PreHashNode node) {
        List<PreHashNode> children = new ArrayList<>(node.children);
        Map<String, List<PreHashNode>> lists = new LinkedHashMap<>();
        List<PreHashNode> childEpcs = new ArrayList<>();
        for (PreHashNode child : List.copyOf(children)) {
            if (!child.isGroup() && child.name.endsWith("List")) {
                String entryName = child.name.substring(0, child.name.length() - 4);
                lists.computeIfAbsent(child.name, k -> new ArrayList<>()).add(new PreHashNode(entryName, child.text, child.children));
                children.remove(child);
            } else if (child.isNamed("childEPCs")) {
                childEpcs.add(PreHashNode.leaf("epc", child.text));
                children.remove(child);
            }
        }
        for (Map.Entry<String, List<PreHashNode>> list : lists.entrySet()) {
            if (TYPED_PAIR_LISTS.contains(list.getKey())) {
                List<PreHashNode> pairs = list.getValue().stream().map(entry -> PreHashNode.group(entry.children)).toList();
                children.add(new PreHashNode(list.getKey(), "", pairs));
            } else {
                children.add(new PreHashNode(list.getKey(), "", list.getValue()));
            }
        }
        if (!childEpcs.isEmpty()) {
            children.add(new PreHashNode("childEPCs", "", childEpcs));
        }
        List<PreHashNode> corrected = new ArrayList<>();
        for (PreHashNode child : children) {
            corrected.add(child.isGroup() || TYPED_PAIR_LISTS.contains(child.name) ? child : correctStructure(child));
        }
        PreHashNode result = new PreHashNode(node.name, node.text, corrected);
        if (result.isGroup()) {
            return result;
        }
        return switch (result.name) {
            case "inputEPC", "outputEPC" -> result.renamed("epc");
            case "inputQuantity", "outputQuantity", "childQuantity" -> result.renamed("quantityElement");
            case "quantity" -> result.children.isEmpty() ? result : result.renamed("quantityElement");
            default -> result;
        };
    }
}
