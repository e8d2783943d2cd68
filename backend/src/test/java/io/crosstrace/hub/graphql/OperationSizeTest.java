package io.crosstrace.hub.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.parser.Parser;

class OperationSizeTest {

    @Test
    void root_fields_are_at_depth_one_and_every_field_counts_once() {
        Map<String, OperationSize> sizes = sizes("{ a { b { c } d } e }");

        assertThat(sizes).hasSize(1);
        assertThat(sizes.get(null)).isEqualTo(new OperationSize(3, 5));
    }

    @Test
    void a_fragment_counts_wherever_it_is_spread_and_inline_fragments_add_no_level() {
        Map<String, OperationSize> sizes = sizes("""
                query Page { x { ...Names } y { ... on T { z { ...Names } } } }
                fragment Names on T { name label }""");

        // x, Names (2), y, z, Names (2) = 7 fields; y > z > name is three levels.
        assertThat(sizes.get("Page")).isEqualTo(new OperationSize(3, 7));
    }

    @Test
    void fields_behind_skip_or_include_count_whatever_the_variables_say() {
        Map<String, OperationSize> sizes = sizes("query Q($no: Boolean!) { a @skip(if: $no) { b } c @include(if: $no) }");

        assertThat(sizes.get("Q")).isEqualTo(new OperationSize(2, 3));
    }

    @Test
    void each_operation_of_a_document_is_measured_on_its_own() {
        Map<String, OperationSize> sizes = sizes("query Small { a } query Deep { a { b { c { d } } } }");

        assertThat(sizes).containsOnly(Map.entry("Small", new OperationSize(1, 1)), Map.entry("Deep", new OperationSize(4, 4)));
    }

    @Test
    void a_fragment_spread_many_times_over_many_levels_is_measured_without_walking_each_spread() {
        // Each fragment spreads the next one twice: 2^41 fields, counted up to the largest int, measured once per fragment.
        StringBuilder document = new StringBuilder("{ ...F0 }");
        for (int i = 0; i < 40; i++) {
            document.append(" fragment F%d on T { a%d: x { ...F%d } b%d: x { ...F%d } }".formatted(i, i, i + 1, i, i + 1));
        }
        document.append(" fragment F40 on T { leaf }");

        OperationSize size = sizes(document.toString()).get(null);

        assertThat(size.depth()).isEqualTo(41);
        assertThat(size.fields()).isEqualTo(Integer.MAX_VALUE);
    }

    private static Map<String, OperationSize> sizes(String document) {
        return OperationSize.of(Parser.parse(document));
    }
}
