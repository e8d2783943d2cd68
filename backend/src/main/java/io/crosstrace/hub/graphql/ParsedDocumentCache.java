package io.crosstrace.hub.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
 *
 * <p>The same once-per-document reading measures each operation for {@link OperationLimits}, so a document too deep or too
 * large is refused before it runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
class ParsedDocumentCache implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENTS = 1_000;
    static final int MAX_CHARACTERS = 16_384;

    private final Map<String, OperationLimits.Checked> documents = new ConcurrentHashMap<>();
    private final OperationLimits limits;

    ParsedDocumentCache(GraphQlLimits limits) {
        this.limits = new OperationLimits(limits);
    }

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocuments() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        OperationLimits.Checked document;
        if (input.getQuery().length() > MAX_CHARACTERS) {
            document = OperationLimits.Checked.of(parseAndValidate.apply(input));
        } else {
            String key = input.getLocale() + "\n" + input.getQuery();
            document = documents.get(key);
            if (document == null) {
                document = OperationLimits.Checked.of(parseAndValidate.apply(input));
                if (documents.size() >= MAX_DOCUMENTS) {
                    documents.clear();
                }
                documents.put(key, document);
            }
        }
        return CompletableFuture.completedFuture(limits.check(document, input.getOperationName()));
    }

    int size() {
        return documents.size();
    }
}
