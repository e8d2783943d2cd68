package io.crosstrace.hub.epcis;

import java.util.ArrayList;
import java.util.List;

/**
 * One element of an event in the XML-shaped tree the pre-hash is built from: a name, a text value and children.
 * A node without a name groups the type and the value of one business transaction, source or destination, whose
 * internal order is kept as given (CBV 2.0 §8.9: "type" first, then the value).
 */
final class PreHashNode {

    final String name;
    final String text;
    final List<PreHashNode> children;

    PreHashNode(String name, String text, List<PreHashNode> children) {
        this.name = name;
        this.text = text == null ? "" : text;
        this.children = new ArrayList<>(children);
    }

    static PreHashNode leaf(String name, String text) {
        return new PreHashNode(name, text, List.of());
    }

    static PreHashNode group(List<PreHashNode> members) {
        return new PreHashNode(null, "", members);
    }

    boolean isGroup() {
        return name == null;
    }

    boolean isNamed(String candidate) {
        return name != null && name.equals(candidate);
    }

    PreHashNode renamed(String newName) {
        return new PreHashNode(newName, text, children);
    }

    @Override
    public String toString() {
        return (name == null ? "()" : name) + (text.isEmpty() ? "" : "=" + text) + children;
    }
}
