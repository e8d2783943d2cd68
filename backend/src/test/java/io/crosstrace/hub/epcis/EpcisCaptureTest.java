package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.AuthService;
import tools.jackson.databind.JsonNode;

/** Capture: the graph it writes, who may capture what, rollback, duplicates, limits and refusals. */
@HubIntegrationTest
class EpcisCaptureTest {

    private static final String T = "2026-03-01T08:00:00.000+10:00";

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    private EpcisClient epcis;
    private EpcisWorld world;

    @BeforeEach
    void setUp() {
        epcis = new EpcisClient(port, auth);
        world = new EpcisWorld(driver);
    }

    @Test
    void a_producer_captures_events_about_its_units_and_lots_at_its_premises_and_they_link_into_the_graph() {
        String id = EpcisWorld.newId();
        String event = EpcisWorld.objectEvent(id, T, List.of(world.unit()), "inspecting",
                EpcisWorld.place(world.producerPremises), """
                "quantityList": [{"epcClass": "%s", "quantity": 10}]""".formatted(world.lotClass()));
        HttpResponse<String> response = epcis.post("/epcis/capture", "producer", EpcisWorld.document(event));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith("/epcis/capture/capture-");
        assertThat(response.headers().firstValue("GS1-EPCIS-Capture-Limit")).contains("5000");
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).contains("2.0.0");
        JsonNode job = EpcisClient.json(epcis.get(response.headers().firstValue("Location").orElseThrow(), "producer"));
        assertThat(job.path("success").asBoolean()).isTrue();
        assertThat(job.path("running").asBoolean()).isFalse();
        assertThat(job.path("captureErrorBehaviour").asString()).isEqualTo("rollback");
        assertThat(job.path("receipts").get(0).path("status").asString()).isEqualTo("ACCEPTED");

        Map<String, Object> links = driver.executableQuery("""
                MATCH (e:EpcisEvent {eventId: $id})
                RETURN e.bizStep AS bizStep, e.readPoint AS readPoint,
                       [(e)-[r:OBSERVED]->(c:TraceCode) | c.serial] AS units,
                       [(e)-[r:OBSERVED]->(b:Batch) | b.lot] AS lots,
                       [(e)-[r:AT {role: 'readPoint'}]->(p:Premises) | p.gln] AS premises,
                       [(e)-[r:REFERS]->(x:Epc) | r.role] AS roles""").withParameters(Map.of("id", id)).execute()
                .records().getFirst().asMap();
        assertThat(links).containsEntry("bizStep", "inspecting")
                .containsEntry("readPoint", EpcisWorld.place(world.producerPremises))
                .containsEntry("units", List.of(world.serial)).containsEntry("lots", List.of(world.lot))
                .containsEntry("premises", List.of(world.producerPremises));
        assertThat(links.get("roles")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactlyInAnyOrder("epcList", "quantityList");

        HttpResponse<String> jobs = epcis.get("/epcis/capture", "producer");
        assertThat(EpcisClient.json(jobs).findValuesAsString("captureID")).contains(job.path("captureID").asString());
        assertThat(epcis.get("/epcis/capture/" + job.path("captureID").asString(), "producer2").statusCode())
                .as("another organization's job looks missing").isEqualTo(404);
    }

    @Test
    void another_producers_premises_is_refused_and_nothing_of_the_document_is_stored() {
        String first = EpcisWorld.newId();
        String last = EpcisWorld.newId();
        HttpResponse<String> response = epcis.post("/epcis/capture", "producer", EpcisWorld.document(
                EpcisWorld.objectEvent(first, T, List.of(world.unit()), "inspecting", EpcisWorld.place(world.producerPremises), ""),
                EpcisWorld.objectEvent(last, T, List.of(), "inspecting", EpcisWorld.place(world.otherProducerPremises), "")));

        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode job = EpcisClient.json(response);
        assertThat(job.path("success").asBoolean()).isFalse();
        assertThat(job.path("receipts").get(0).path("status").asString()).isEqualTo("ROLLED_BACK");
        assertThat(job.path("receipts").get(1).path("status").asString()).isEqualTo("REJECTED");
        assertThat(job.path("errors").get(0).path("pointer").asString()).isEqualTo("/epcisBody/eventList/1/readPoint/id");
        assertThat(job.path("errors").get(0).path("type").asString()).isEqualTo("epcisException:SecurityException");
        assertThat(stored(first, last)).isZero();
        assertThat(EpcisClient.json(epcis.get(response.headers().firstValue("Location").orElseThrow(), "producer"))
                .path("success").asBoolean()).isFalse();
    }

    @Test
    void another_producers_unit_is_refused_but_identifiers_the_hub_does_not_hold_are_allowed() {
        String foreign = EpcisWorld.newId();
        JsonNode allowed = EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(EpcisWorld.objectEvent(
                foreign, T, List.of("urn:epc:id:sgtin:0614141.107346.2017"), "shipping", "urn:epc:id:sgln:0614141.07346.1234", ""))));
        assertThat(allowed.path("success").asBoolean()).isTrue();

        String theirs = EpcisWorld.newId();
        JsonNode refused = EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(EpcisWorld.objectEvent(
                theirs, T, List.of("https://id.gs1.org/01/" + world.otherGtin + "/21/" + EpcisClient.encode(world.otherSerial)),
                "inspecting", EpcisWorld.place(world.producerPremises), ""))));
        assertThat(refused.path("success").asBoolean()).isFalse();
        assertThat(refused.path("errors").get(0).path("pointer").asString()).isEqualTo("/epcisBody/eventList/0/epcList/0");
        assertThat(stored(theirs)).isZero();

        String admins = EpcisWorld.newId();
        assertThat(EpcisClient.json(epcis.post("/epcis/capture", "admin", EpcisWorld.document(EpcisWorld.objectEvent(
                admins, T, List.of(), "inspecting", EpcisWorld.place(world.otherProducerPremises), "")))).path("success").asBoolean())
                .as("an administrator may name anything").isTrue();
    }

    @Test
    void an_invalid_last_event_stores_nothing_of_the_document() {
        String first = EpcisWorld.newId();
        HttpResponse<String> response = epcis.post("/epcis/capture", "producer", EpcisWorld.document(
                EpcisWorld.objectEvent(first, T, List.of(world.unit()), "inspecting", EpcisWorld.place(world.producerPremises), ""),
                EpcisWorld.objectEvent(EpcisWorld.newId(), T, List.of(), "no_such_step", EpcisWorld.place(world.producerPremises), "")));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(EpcisClient.json(response).path("pointer").asString()).isEqualTo("/epcisBody/eventList/1/bizStep");
        assertThat(stored(first)).isZero();
    }

    @Test
    void the_same_event_captured_again_by_id_or_by_content_is_a_duplicate_and_stored_once() {
        String id = EpcisWorld.newId();
        String event = EpcisWorld.objectEvent(id, T, List.of(world.unit()), "inspecting", EpcisWorld.place(world.producerPremises), "");
        assertThat(EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(event)))
                .path("receipts").get(0).path("status").asString()).isEqualTo("ACCEPTED");
        JsonNode again = EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(event)));
        assertThat(again.path("success").asBoolean()).isTrue();
        assertThat(again.path("receipts").get(0).path("status").asString()).isEqualTo("DUPLICATE");
        // Same content under another eventID: the event hash recognises it.
        String otherId = EpcisWorld.newId();
        JsonNode sameContent = EpcisClient.json(epcis.post("/epcis/capture", "producer",
                EpcisWorld.document(event.replace(id, otherId))));
        assertThat(sameContent.path("receipts").get(0).path("status").asString()).isEqualTo("DUPLICATE");
        assertThat(stored(id, otherId)).isEqualTo(1);

        // An error declaration for it is kept with the stored event.
        String declared = event.replace("\"action\"", "\"errorDeclaration\": {\"declarationTime\": \"2026-03-02T00:00:00Z\", "
                + "\"reason\": \"incorrect_data\"}, \"action\"");
        JsonNode declaration = EpcisClient.json(epcis.post("/epcis/capture", "producer", EpcisWorld.document(declared)));
        assertThat(declaration.path("receipts").get(0).path("status").asString()).isEqualTo("ERROR_DECLARED");
        JsonNode back = EpcisClient.events(epcis.get("/epcis/events?EQ_eventID=" + EpcisClient.encode(id), "producer")).getFirst();
        assertThat(back.path("errorDeclaration").path("reason").asString()).isEqualTo("incorrect_data");
    }

    @Test
    void a_single_event_is_captured_at_once_and_found_at_its_location() {
        String id = EpcisWorld.newId();
        String event = EpcisWorld.single(EpcisWorld.objectEvent(id, T, List.of(world.unit()), "inspecting",
                EpcisWorld.place(world.producerPremises), ""));
        HttpResponse<String> created = epcis.post("/epcis/events", "producer", event);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/epcis/events/" + EpcisClient.encode(id));
        HttpResponse<String> read = epcis.get(location, "producer");
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(EpcisClient.events(read)).singleElement().satisfies(e -> assertThat(e.path("eventID").asString()).isEqualTo(id));

        // Without an eventID the event is found under its hash ID, whose '/' and ';' arrive percent-encoded.
        String anonymous = EpcisWorld.single(EpcisWorld.objectEvent(null, T, List.of(world.unit()), "inspecting",
                EpcisWorld.place(world.producerPremises), ""));
        HttpResponse<String> hashed = epcis.post("/epcis/events", "producer", anonymous);
        assertThat(hashed.statusCode()).isEqualTo(201);
        String hashLocation = hashed.headers().firstValue("Location").orElseThrow();
        assertThat(hashLocation).startsWith("/epcis/events/ni%3A%2F%2F%2Fsha-256%3B");
        HttpResponse<String> byHash = epcis.get(hashLocation, "producer");
        assertThat(byHash.statusCode()).as(byHash.body()).isEqualTo(200);
        assertThat(EpcisClient.events(byHash).getFirst().path("eventID").asString()).startsWith("ni:///sha-256;");

        HttpResponse<String> again = epcis.post("/epcis/events", "producer", event);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(EpcisClient.json(again).path("type").asString()).isEqualTo("epcisException:ResourceAlreadyExistsException");

        HttpResponse<String> refused = epcis.post("/epcis/events", "producer", EpcisWorld.single(EpcisWorld.objectEvent(
                EpcisWorld.newId(), T, List.of(), "inspecting", EpcisWorld.place(world.otherProducerPremises), "")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(EpcisClient.json(refused).path("pointer").asString()).isEqualTo("/readPoint/id");
    }

    @Test
    void bad_requests_are_problems_never_server_errors() {
        String valid = EpcisWorld.document(EpcisWorld.objectEvent(EpcisWorld.newId(), T, List.of(), "inspecting",
                EpcisWorld.place(world.producerPremises), ""));
        HttpResponse<String> plain = epcis.post("/epcis/capture", "producer", "text/plain", valid.getBytes(StandardCharsets.UTF_8));
        assertProblem(plain, 415, "epcisException:UnsupportedMediaTypeException");
        assertProblem(epcis.post("/epcis/capture", "producer", null, valid.getBytes(StandardCharsets.UTF_8)), 415,
                "epcisException:UnsupportedMediaTypeException");
        assertProblem(epcis.post("/epcis/capture", "producer", "{\"type\": \"EPCISDocument\", "), 400,
                "epcisException:ValidationException");
        assertProblem(epcis.post("/epcis/capture", "producer", "[1, 2]"), 400, "epcisException:ValidationException");
        assertProblem(epcis.post("/epcis/capture", "producer", "{\"type\": \"Nonsense\"}"), 400, "epcisException:ValidationException");
        assertProblem(epcis.post("/epcis/events", "producer", "{\"type\": \"ObjectEvent\", \"eventTime\": 42}"), 400,
                "epcisException:ValidationException");

        byte[] huge = new byte[8 * 1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        assertProblem(epcis.post("/epcis/capture", "producer", "application/json", huge), 413,
                "epcisException:CaptureLimitExceededException");
        String[] many = new String[5001];
        Arrays.fill(many, "{}");
        assertProblem(epcis.post("/epcis/capture", "producer", EpcisWorld.document(many)), 413,
                "epcisException:CaptureLimitExceededException");

        HttpResponse<String> options = epcis.options("/epcis/capture");
        assertThat(options.statusCode()).isEqualTo(204);
        assertThat(options.headers().firstValue("GS1-EPCIS-Capture-Limit")).contains("5000");
        assertThat(options.headers().firstValue("GS1-EPCIS-Capture-File-Size-Limit")).contains(String.valueOf(8 * 1024 * 1024));
        assertThat(options.headers().firstValue("GS1-CBV-Version")).contains("2.0.0");
        assertThat(epcis.options("/epcis").headers().firstValue("GS1-EPCIS-Version")).contains("2.0.0");
    }

    @Test
    void anonymous_callers_and_read_only_roles_may_not_capture() {
        String document = EpcisWorld.document(EpcisWorld.objectEvent(EpcisWorld.newId(), T, List.of(), "inspecting",
                EpcisWorld.place(world.producerPremises), ""));
        assertProblem(epcis.post("/epcis/capture", null, document), 401, "epcisException:SecurityException");
        assertProblem(epcis.post("/epcis/capture", "analyst", document), 403, "epcisException:SecurityException");
        assertProblem(epcis.get("/epcis/events", null), 401, "epcisException:SecurityException");
    }

    private long stored(String... ids) {
        return driver.executableQuery("MATCH (e:EpcisEvent) WHERE e.eventId IN $ids RETURN count(e) AS n")
                .withParameters(Map.of("ids", List.of(ids))).execute().records().getFirst().get("n").asLong();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(EpcisClient.json(response).path("type").asString()).isEqualTo(type);
        assertThat(response.body()).doesNotContain("java.", "at io.", "at org.", "stackTrace");
        assertThat(response.headers().firstValue("GS1-EPCIS-Version")).contains("2.0.0");
    }
}
