package io.crosstrace.hub.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parses and validates each distinct GraphQL document once. Partners' tools and the workspace send the same few
 * documents again and again, with other variables; parsing and validating the consignments page took about a twentieth
 * of its request thread. Neither step reads the variables or the caller, so the result is the same for every request
 * with that text (and locale, which words the validation errors).
 *
 * <p>At most {@link #MAX_DOCUMENTS} are kept, each at most {@link #MAX_CHARACTERS} long (the page is under 600); when
 * full, the cache starts empty again. A client sending ever new or huge documents costs a parse each, as before, and
 * never memory without bound.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENTS = 1_000;
    static final int MAX_CHARACTERS = 16_384;

    private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        if (input.getQuery().length() > MAX_CHARACTERS) {
            return CompletableFuture.completedFuture(parseAndValidate.apply(input));
        }
        String key = input.getLocale() + "\n" + input.getQuery();
        PreparsedDocumentEntry entry = documents.get(key);
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (documents.size() >= MAX_DOCUMENTS) {
                documents.clear();
            }
            documents.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    int size() {
        return documents.size();
    }
}
