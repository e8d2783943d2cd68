package io.crosstrace.hub.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * How deep an operation nests its fields and how many it selects, read from the document as written: a root field
 * is at depth 1, a field under a {@code @skip} or {@code @include} counts whatever the variables say, and a
 * fragment counts again wherever it is spread. Measured once per document, never per field of a response.
 *
 * @param depth  the deepest field's level
 * @param fields the fields selected in all (at most {@link Integer#MAX_VALUE})
 */
record OperationSize(int depth, int fields) {

    /** The size of every operation of a validated document (no fragment cycles), by name ({@code null} for an anonymous one). */
    static Map<String, OperationSize> of(Document document) {
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        document.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        Measure measure = new Measure(fragments);
        Map<String, OperationSize> operations = new HashMap<>();
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            operations.put(operation.getName(), measure.of(operation.getSelectionSet()));
        }
        return operations;
    }

    private OperationSize nestedIn(OperationSize parent) {
        return new OperationSize(Math.max(parent.depth, depth + 1), sum(parent.fields, fields, 1));
    }

    private OperationSize beside(OperationSize other) {
        return new OperationSize(Math.max(depth, other.depth), sum(fields, other.fields, 0));
    }

    /** Saturates at the largest int: fragments spread within fragments can select more fields than an int holds. */
    private static int sum(int a, int b, int c) {
        return (int) Math.min(Integer.MAX_VALUE, (long) a + b + c);
    }

    /** Each fragment is measured once, so a fragment spread many times costs a lookup each, not a walk. */
    private record Measure(Map<String, FragmentDefinition> fragments, Map<String, OperationSize> measured) {

        Measure(Map<String, FragmentDefinition> fragments) {
            this(fragments, new HashMap<>());
        }

        OperationSize of(SelectionSet selections) {
            OperationSize size = new OperationSize(0, 0);
            if (selections == null) {
                return size;
            }
            for (Selection<?> selection : selections.getSelections()) {
                size = switch (selection) {
                    case Field field -> of(field.getSelectionSet()).nestedIn(size);
                    case InlineFragment inline -> size.beside(of(inline.getSelectionSet()));
                    case FragmentSpread spread -> size.beside(fragment(spread.getName()));
                    default -> size;
                };
            }
            return size;
        }

        private OperationSize fragment(String name) {
            OperationSize known = measured.get(name);
            if (known == null) {
                FragmentDefinition definition = fragments.get(name);
                known = definition == null ? new OperationSize(0, 0) : of(definition.getSelectionSet());
                measured.put(name, known);
            }
            return known;
        }
    }
}
