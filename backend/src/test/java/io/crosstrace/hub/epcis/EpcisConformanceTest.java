package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.AuthService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every valid conformance document is captured and its events come back as they went in; every invalid one is
 * refused with a problem naming the failing field, and nothing of it is stored. Each document starts from an empty
 * event store, because the conformance documents share events and IDs with each other.
 */
@HubIntegrationTest
class EpcisConformanceTest {

    @LocalServerPort
    int port;
    @Autowired
    AuthService auth;
    @Autowired
    Driver driver;

    private EpcisClient epcis;

    @BeforeEach
    void client() {
        epcis = new EpcisClient(port, auth);
    }

    @Test
    void every_valid_document_is_captured_and_its_events_read_back_unchanged() {
        List<Path> documents = new ArrayList<>(EpcisClient.documents(EpcisClient.CONFORMANCE.resolve("openepcis/Capture/Documents")));
        documents.addAll(EpcisClient.documents(EpcisClient.CONFORMANCE.resolve("gs1/examples")));
        assertThat(documents).hasSizeGreaterThanOrEqualTo(38 + 15);
        Map<String, String> failures = new TreeMap<>();
        int events = 0;
        for (Path file : documents) {
            EpcisClient.clear(driver);
            String name = EpcisClient.CONFORMANCE.relativize(file).toString();
            JsonNode document = EpcisClient.JSON.readTree(EpcisClient.read(file));
            // A partner that holds none of these (foreign) identifiers may capture them.
            HttpResponse<String> captured = epcis.post("/epcis/capture", "producer", EpcisClient.read(file));
            if (captured.statusCode() != 202) {
                failures.put(name, "capture answered " + captured.statusCode() + ": " + captured.body());
                continue;
            }
            String location = captured.headers().firstValue("Location").orElseThrow();
            JsonNode job = EpcisClient.json(epcis.get(location, "producer"));
            if (!job.path("success").asBoolean()) {
                failures.put(name, "job failed: " + job);
                continue;
            }
            List<JsonNode> originals = EventHash.eventsOf(document);
            List<String> hashes = EventHash.ofDocument(document);
            for (int i = 0; i < originals.size(); i++) {
                events++;
                JsonNode receipt = job.path("receipts").get(i);
                if (!receipt.path("status").asString().equals("ACCEPTED")) {
                    failures.put(name + "#" + i, "receipt " + receipt);
                    continue;
                }
                HttpResponse<String> read = epcis.get("/epcis/events/" + EpcisClient.encode(receipt.path("eventId").asString()), "producer");
                if (read.statusCode() != 200 || EpcisClient.events(read).size() != 1) {
                    failures.put(name + "#" + i, "read back " + read.statusCode() + ": " + read.body());
                    continue;
                }
                ObjectNode back = (ObjectNode) EpcisClient.events(read).getFirst();
                ObjectNode original = ((ObjectNode) originals.get(i)).deepCopy();
                assertThat(back.path("recordTime").asString()).as(name + " recordTime").matches("\\d{4}-.*Z");
                back.remove("recordTime");
                original.remove("recordTime");
                if (!original.has("eventID")) {
                    assertThat(back.path("eventID").asString()).isEqualTo(hashes.get(i));
                    back.remove("eventID");
                }
                if (!back.equals(original)) {
                    failures.put(name + "#" + i, "differs:\n  sent " + original + "\n  got  " + back);
                }
                // The same event hash from what the hub hands out, read in the context of the query document.
                ObjectNode queryDocument = (ObjectNode) EpcisClient.json(read);
                assertThat(EventHash.ofDocument(queryDocument).getFirst()).as(name + "#" + i + " hash").isEqualTo(hashes.get(i));
            }
        }
        failures.forEach((k, v) -> System.out.println("CONFORMANCE " + k + ": " + v));
        System.out.printf("conformance: %d documents, %d events, %d failures%n", documents.size(), events, failures.size());
        assertThat(failures).isEmpty();
    }

    @Test
    void every_invalid_document_is_refused_with_the_failing_field_and_nothing_is_stored() {
        List<Path> documents = EpcisClient.documents(EpcisClient.CONFORMANCE.resolve("openepcis/Capture/Invalid"));
        assertThat(documents).hasSize(15);
        EpcisClient.clear(driver);
        Map<String, String> failures = new TreeMap<>();
        for (Path file : documents) {
            String name = file.getFileName().toString();
            HttpResponse<String> response = epcis.post("/epcis/capture", "producer", EpcisClient.read(file));
            JsonNode problem = response.body().isEmpty() ? EpcisClient.JSON.createObjectNode() : EpcisClient.json(response);
            if (response.statusCode() != 400
                    || !response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                    || !problem.path("type").asString().equals("epcisException:ValidationException")
                    || problem.path("errors").isEmpty()) {
                failures.put(name, response.statusCode() + " " + response.body());
                continue;
            }
            for (JsonNode error : problem.path("errors")) {
                // The field: a pointer into the document, or (for a missing member) its name in the detail.
                if (error.path("pointer").asString().isEmpty() && !error.path("detail").asString().contains("'")) {
                    failures.put(name, "no failing field named: " + error);
                }
            }
        }
        failures.forEach((k, v) -> System.out.println("INVALID " + k + ": " + v));
        assertThat(failures).isEmpty();
        assertThat(EpcisClient.storedEvents(driver)).isZero();
        assertThat(EpcisClient.json(epcis.post("/epcis/capture", "producer",
                EpcisClient.read(EpcisClient.CONFORMANCE.resolve("openepcis/Capture/Invalid/ObjectEvent_with_invalid_action.json"))))
                .path("pointer").asString()).isEqualTo("/epcisBody/eventList/0/action");
    }
}
