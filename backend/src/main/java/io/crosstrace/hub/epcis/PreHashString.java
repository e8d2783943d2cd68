package io.crosstrace.hub.epcis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Builds the canonical pre-hash string of one event (CBV 2.0 §8.9.2): the standard fields in a fixed order, each
 * as {@code name=value} with repeated values sorted, nested fields recursively, then everything else (business
 * transactions, sources, destinations, ILMD, user extensions) sorted lexically. recordTime, eventID,
 * errorDeclaration and comments do not take part, so that an event keeps its hash when it is corrected or
 * re-recorded.
 */
final class PreHashString {

    /** A field name and, for fields with structure, the order of its children. */
    private record Field(String name, List<Field> children) {
        static Field leaf(String name) {
            return new Field(name, null);
        }

        static Field nested(String name, Field... children) {
            return new Field(name, List.of(children));
        }
    }

    private static final Field[] QUANTITY_ELEMENT = {
            Field.nested("quantityElement", Field.leaf("epcClass"), Field.leaf("quantity"), Field.leaf("uom"))};

    /** CBV 2.0 §8.9.2, Table 8-5: the canonical property order. */
    private static final List<Field> EVENT_ORDER = List.of(
            Field.leaf("eventTime"),
            Field.leaf("eventTimeZoneOffset"),
            Field.leaf("certificationInfo"),
            Field.nested("epcList", Field.leaf("epc")),
            Field.leaf("parentID"),
            Field.nested("inputEPCList", Field.leaf("epc")),
            Field.nested("childEPCs", Field.leaf("epc")),
            Field.nested("quantityList", QUANTITY_ELEMENT),
            Field.nested("childQuantityList", QUANTITY_ELEMENT),
            Field.nested("inputQuantityList", QUANTITY_ELEMENT),
            Field.nested("outputEPCList", Field.leaf("epc")),
            Field.nested("outputQuantityList", QUANTITY_ELEMENT),
            Field.leaf("action"),
            Field.leaf("transformationID"),
            Field.leaf("bizStep"),
            Field.leaf("disposition"),
            Field.nested("persistentDisposition", Field.leaf("set"), Field.leaf("unset")),
            Field.nested("readPoint", Field.leaf("id")),
            Field.nested("bizLocation", Field.leaf("id")),
            Field.nested("sensorElementList", Field.nested("sensorElement",
                    Field.nested("sensorMetadata", Field.leaf("time"), Field.leaf("startTime"), Field.leaf("endTime"),
                            Field.leaf("deviceID"), Field.leaf("deviceMetadata"), Field.leaf("rawData"),
                            Field.leaf("dataProcessingMethod"), Field.leaf("bizRules")),
                    Field.nested("sensorReport", Field.leaf("type"), Field.leaf("exception"), Field.leaf("deviceID"),
                            Field.leaf("deviceMetadata"), Field.leaf("rawData"), Field.leaf("dataProcessingMethod"),
                            Field.leaf("time"), Field.leaf("microorganism"), Field.leaf("chemicalSubstance"),
                            Field.leaf("value"), Field.leaf("component"), Field.leaf("stringValue"),
                            Field.leaf("booleanValue"), Field.leaf("hexBinaryValue"), Field.leaf("uriValue"),
                            Field.leaf("minValue"), Field.leaf("maxValue"), Field.leaf("meanValue"),
                            Field.leaf("sDev"), Field.leaf("percRank"), Field.leaf("percValue"), Field.leaf("uom"),
                            Field.leaf("coordinateReferenceSystem")))));

    /** CBV 2.0 §8.9.2: fields that never take part in the hash. */
    private static final Set<String> IGNORED_EVENT_FIELDS = Set.of("recordTime", "eventID", "type", "errorDeclaration");

    /** Lists whose entries are (type, value) pairs kept in their own order. */
    private static final Set<String> UNSORTED_MEMBERS = Set.of("bizTransaction", "source", "destination");

    private PreHashString() {
    }

    static String of(PreHashNode event) {
        List<PreHashNode> remaining = new ArrayList<>(event.children);
        String ordered = inOrder(remaining, EVENT_ORDER, true);
        remaining.removeIf(child -> !child.isGroup() && IGNORED_EVENT_FIELDS.contains(child.name));
        return "eventType=" + event.name + ordered + unordered(remaining);
    }

    /**
     * Appends the fields of {@code order} found in {@code children}, consuming those completely used; below the
     * event level, user extensions (names in a namespace) follow the standard fields of their own element.
     */
    private static String inOrder(List<PreHashNode> children, List<Field> order, boolean eventLevel) {
        List<PreHashNode> extensions = eventLevel ? List.of() : takeUserExtensions(children);
        StringBuilder preHash = new StringBuilder();
        for (Field field : order) {
            List<String> values = new ArrayList<>();
            for (PreHashNode child : List.copyOf(children)) {
                if (!child.isNamed(field.name())) {
                    continue;
                }
                String value = fieldPreHash(child, field);
                if (!value.isEmpty()) {
                    values.add(value);
                }
                if (child.children.isEmpty()) {
                    children.remove(child);
                }
            }
            Collections.sort(values);
            values.forEach(preHash::append);
        }
        if (!extensions.isEmpty()) {
            preHash.append(unordered(extensions));
        }
        return preHash.toString();
    }

    private static List<PreHashNode> takeUserExtensions(List<PreHashNode> children) {
        if (children.size() <= 1) {
            return List.of();
        }
        List<PreHashNode> extensions = children.stream()
                .filter(child -> !child.isGroup() && child.name.contains("{") && child.name.contains("/}"))
                .toList();
        children.removeAll(extensions);
        return extensions;
    }

    private static String fieldPreHash(PreHashNode node, Field field) {
        String nested = field.children() == null ? "" : inOrder(node.children, field.children(), false);
        String value = "";
        if (!node.text.isEmpty()) {
            String text = node.text.strip();
            String lowerName = node.name.toLowerCase(Locale.ROOT);
            text = lowerName.contains("time") && !lowerName.contains("offset")
                    ? CanonicalValue.timestamp(text) : CanonicalValue.of(text);
            if (!text.isEmpty()) {
                value = "=" + text;
            }
        }
        return value.isEmpty() && nested.isEmpty() ? "" : node.name + value + nested;
    }

    /** Fields outside the canonical order, with their children, each rendered and then sorted lexically. */
    private static String unordered(List<PreHashNode> children) {
        List<String> values = new ArrayList<>();
        for (PreHashNode child : children) {
            if (child.isGroup()) {
                values.add(unordered(child.children));
                continue;
            }
            String text = child.text.strip();
            String value = text.isEmpty() ? "" : "=" + CanonicalValue.of(text);
            values.add(child.name + value + unordered(child.children));
        }
        boolean keepOrder = children.stream().anyMatch(c -> !c.isGroup() && UNSORTED_MEMBERS.contains(c.name));
        if (values.size() > 1 && !keepOrder) {
            Collections.sort(values);
        }
        return String.join("", values);
    }
}
