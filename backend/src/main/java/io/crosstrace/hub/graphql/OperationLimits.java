package io.crosstrace.hub.graphql;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.execution.ErrorType;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;

/**
 * Refuses an operation nested deeper or selecting more fields than {@link GraphQlLimits} allow, before it runs.
 *
 * <p>The check reads the parsed document, once per distinct document (see {@link ParsedDocumentCache}). graphql-java's
 * own depth and complexity instrumentations measured the same thing per request but, as instrumentations, were also
 * called for each of the thousands of fields of a large response.
 */
final class OperationLimits {

    private final int maxDepth;
    private final int maxFields;

    OperationLimits(GraphQlLimits limits) {
        this.maxDepth = limits.maxDepth();
        this.maxFields = limits.maxComplexity();
    }

    /** A document as parsed and validated, with the size of each of its operations. */
    record Checked(PreparsedDocumentEntry entry, Map<String, OperationSize> operations) {

        static Checked of(PreparsedDocumentEntry entry) {
            return new Checked(entry, entry.hasErrors() ? Map.of() : OperationSize.of(entry.getDocument()));
        }
    }

    /**
     * The entry to execute: the document itself, or an entry carrying one {@code BAD_REQUEST} error when the operation
     * asked for is too large. An operation the document does not hold is left to graphql-java to report.
     */
    PreparsedDocumentEntry check(Checked document, String operationName) {
        Map<String, OperationSize> operations = document.operations();
        OperationSize size = operationName != null ? operations.get(operationName)
                : operations.size() == 1 ? operations.values().iterator().next() : null;
        if (size == null) {
            return document.entry();
        }
        if (size.depth() > maxDepth) {
            return refused("The query nests fields %d levels deep; the maximum query depth is %d".formatted(size.depth(), maxDepth));
        }
        if (size.fields() > maxFields) {
            return refused("The query selects %d fields; the maximum query complexity is %d fields".formatted(size.fields(), maxFields));
        }
        return document.entry();
    }

    private static PreparsedDocumentEntry refused(String message) {
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).errorType(ErrorType.BAD_REQUEST).build();
        return new PreparsedDocumentEntry(List.of(error));
    }
}
