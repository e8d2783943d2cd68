package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.AuthService;
import tools.jackson.databind.JsonNode;

/**
 * The events connections of units, lots and premises, scoped like the REST queries. Plain HTTP rather than the
 * GraphQL tester: the first call of a fresh hub plans several statements, which can outlast the tester's timeout.
 */
@HubIntegrationTest
class EpcisGraphQlTest {

    private static final String QUERY = """
            query($u: String) { traceCode(uri: $u) {
              events(first: 50) { edges { node { eventId bizStep readPoint recordTime json } } }
              batch { events(first: 50) { edges { node { eventId } } } }
              premises { events(first: 50) { edges { node { eventId } } } } } }""";

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    @Test
    void a_units_lots_and_premises_events_are_listed_for_partners_who_may_see_them() {
        EpcisWorld world = new EpcisWorld(driver);
        String id = EpcisWorld.newId();
        String event = EpcisWorld.objectEvent(id, "2026-04-01T00:00:00Z", List.of(world.unit()), "inspecting",
                EpcisWorld.place(world.producerPremises), """
                "quantityList": [{"epcClass": "%s", "quantity": 1}]""".formatted(world.lotClass()));
        EpcisClient epcis = new EpcisClient(port, auth);
        assertThat(EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(event)))
                .path("success").asBoolean()).isTrue();
        String path = driver.executableQuery("MATCH (c:TraceCode {gtin: $g, serial: $s}) RETURN c.path AS path")
                .withParameters(Map.of("g", world.gtin, "s", world.serial)).execute().records().getFirst()
                .get("path").asString();

        JsonNode unit = EpcisClient.json(epcis.graphQl(QUERY, path, "producer")).path("data").path("traceCode");
        assertThat(unit.path("events").findValuesAsString("eventId")).contains(id);
        JsonNode node = unit.path("events").path("edges").get(0).path("node");
        assertThat(node.path("bizStep").asString()).isEqualTo("inspecting");
        assertThat(node.path("readPoint").asString()).isEqualTo(EpcisWorld.place(world.producerPremises));
        assertThat(node.path("json").asString()).contains("\"eventID\":\"" + id + "\"");
        assertThat(unit.path("batch").path("events").findValuesAsString("eventId")).contains(id);
        assertThat(unit.path("premises").path("events").findValuesAsString("eventId")).contains(id);

        JsonNode other = EpcisClient.json(epcis.graphQl(QUERY, path, "producer2")).path("data").path("traceCode");
        assertThat(other.path("events").path("edges").isArray()).as(other.toString()).isTrue();
        assertThat(other.path("events").findValuesAsString("eventId")).doesNotContain(id);

        JsonNode anonymous = EpcisClient.json(epcis.graphQl(QUERY, path, null));
        assertThat(anonymous.path("data").path("traceCode").path("events").isNull()).as(anonymous.toString()).isTrue();
    }
}
