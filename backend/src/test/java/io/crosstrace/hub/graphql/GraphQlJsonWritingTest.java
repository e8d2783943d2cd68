package io.crosstrace.hub.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The GraphQL response writer writes exactly what the application's mapper writes, only faster. */
class GraphQlJsonWritingTest {

    enum Classification { BAD_REQUEST }

    @Test
    void a_response_tree_is_written_as_the_plain_mapper_writes_it() {
        JsonMapper plain = JsonMapper.builder().build();
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("declarationNumber", "35190001");
        node.put("releasedOn", null);
        node.put("quantity", 60);
        node.put("count", 10_000_000_000L);
        node.put("score", 0.75);
        node.put("price", new BigDecimal("12.50"));
        node.put("verified", true);
        node.put("text", "quote \" and 中文 and \n newline");
        node.put("items", Arrays.asList(Map.of("lot", "L1"), null, List.of()));
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", "Not found");
        error.put("extensions", new LinkedHashMap<>(Map.of("classification", Classification.BAD_REQUEST)));
        error.put("day", LocalDate.of(2026, 11, 30));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("data", Map.of("consignments", Map.of("edges", new ArrayList<>(List.of(Map.of("node", node))))));
        response.put("errors", List.of(error));

        String fast = GraphQlJsonWriting.forResponses(plain).writeValueAsString(response);

        assertThat(fast).isEqualTo(plain.writeValueAsString(response));
        assertThat(plain.readTree(fast).at("/data/consignments/edges/0/node/count").asLong()).isEqualTo(10_000_000_000L);
    }

    @Test
    void maps_go_through_the_direct_writer() {
        Map<String, Object> nullKey = new LinkedHashMap<>();
        nullKey.put(null, 1);

        // The plain mapper refuses a null key; the direct writer, which never looks a serializer up, writes it.
        assertThatThrownBy(() -> JsonMapper.builder().build().writeValueAsString(nullKey)).hasMessageContaining("Null key");
        assertThat(GraphQlJsonWriting.forResponses(JsonMapper.builder().build()).writeValueAsString(nullKey))
                .isEqualTo("{\"null\":1}");
    }
}
