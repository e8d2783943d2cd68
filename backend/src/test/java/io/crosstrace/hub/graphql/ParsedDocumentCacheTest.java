package io.crosstrace.hub.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;

/** Each distinct document is parsed and validated once; memory stays bounded. */
class ParsedDocumentCacheTest {

    private static final GraphQlLimits LIMITS = new GraphQlLimits(3, 5_000, 262_144, true);

    private final AtomicInteger parses = new AtomicInteger();
    private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = input -> {
        parses.incrementAndGet();
        return input.getQuery().contains("unknownField")
                ? new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().message("unknownField is not a field").build())
                : new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
    };

    @Test
    void a_document_sent_again_with_other_variables_is_not_parsed_again() {
        ParsedDocumentCache cache = new ParsedDocumentCache(LIMITS);
        String page = "query($n: Int) { consignments(first: $n) { totalCount } }";

        PreparsedDocumentEntry first = cache.getDocumentAsync(input(page, 10, Locale.ENGLISH), parseAndValidate).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input(page, 50, Locale.ENGLISH), parseAndValidate).join();
        cache.getDocumentAsync(input(page, 50, Locale.CHINESE), parseAndValidate).join();

        assertThat(again).isSameAs(first);
        assertThat(parses).as("once per locale, which words the validation errors").hasValue(2);
    }

    @Test
    void an_invalid_document_keeps_its_errors() {
        ParsedDocumentCache cache = new ParsedDocumentCache(LIMITS);

        cache.getDocumentAsync(input("{ unknownField }", 1, Locale.ENGLISH), parseAndValidate).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input("{ unknownField }", 1, Locale.ENGLISH), parseAndValidate).join();

        assertThat(again.hasErrors()).isTrue();
        assertThat(again.getErrors().getFirst().getMessage()).contains("unknownField");
    }

    @Test
    void long_documents_are_not_kept_and_the_count_is_bounded() {
        ParsedDocumentCache cache = new ParsedDocumentCache(LIMITS);
        String huge = "{ " + "__typename ".repeat(ParsedDocumentCache.MAX_CHARACTERS / 10) + "}";
        cache.getDocumentAsync(input(huge, 1, Locale.ENGLISH), parseAndValidate).join();
        cache.getDocumentAsync(input(huge, 1, Locale.ENGLISH), parseAndValidate).join();
        assertThat(parses).hasValue(2);
        assertThat(cache.size()).isZero();

        for (int i = 0; i <= ParsedDocumentCache.MAX_DOCUMENTS; i++) {
            cache.getDocumentAsync(input("{ a" + i + ": __typename }", 1, Locale.ENGLISH), parseAndValidate).join();
        }
        assertThat(cache.size()).isBetween(1, ParsedDocumentCache.MAX_DOCUMENTS);
    }

    @Test
    void an_operation_too_deep_is_refused_each_time_from_one_parse() {
        ParsedDocumentCache cache = new ParsedDocumentCache(LIMITS);
        String deep = "{ a { b { c { d } } } }";

        PreparsedDocumentEntry first = cache.getDocumentAsync(input(deep, 1, Locale.ENGLISH), parseAndValidate).join();
        PreparsedDocumentEntry again = cache.getDocumentAsync(input(deep, 1, Locale.ENGLISH), parseAndValidate).join();

        assertThat(List.of(first, again)).allSatisfy(entry -> assertThat(entry.getErrors()).singleElement()
                .satisfies(error -> assertThat(error.getMessage()).contains("4 levels deep; the maximum query depth is 3")));
        assertThat(parses).hasValue(1);
        assertThat(cache.getDocumentAsync(input("{ a { b { c } } }", 1, Locale.ENGLISH), parseAndValidate).join()
                .hasErrors()).isFalse();
    }

    private static ExecutionInput input(String query, int n, Locale locale) {
        return ExecutionInput.newExecutionInput(query).variables(java.util.Map.of("n", n)).locale(locale).build();
    }
}
