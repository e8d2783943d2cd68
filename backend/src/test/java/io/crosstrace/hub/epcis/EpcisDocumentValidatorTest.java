package io.crosstrace.hub.epcis;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EpcisDocumentValidatorTest {

    private static final Path CAPTURE = Path.of("/work/shared/conformance/epcis/openepcis/Capture");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EpcisDocumentValidator validator;

    @BeforeAll
    static void loadSchema() {
        validator = new EpcisDocumentValidator();
    }

    @Test
    void everyValidCaptureDocumentIsAccepted() throws IOException {
        Map<String, List<EpcisProblem>> rejected = new TreeMap<>();
        List<Path> documents = files(CAPTURE.resolve("Documents"));
        for (Path document : documents) {
            List<EpcisProblem> problems = validator.validate(read(document));
            if (!problems.isEmpty()) {
                rejected.put(document.getFileName().toString(), problems);
            }
        }
        rejected.forEach((name, problems) -> System.out.println("REJECTED " + name + ": " + problems));
        System.out.printf("valid capture documents: %d, accepted %d%n", documents.size(), documents.size() - rejected.size());
        assertThat(documents).hasSizeGreaterThanOrEqualTo(38);
        assertThat(rejected).isEmpty();
    }

    @Test
    void everyInvalidCaptureDocumentIsRejected() throws IOException {
        List<Path> documents = files(CAPTURE.resolve("Invalid"));
        Map<String, List<EpcisProblem>> results = new TreeMap<>();
        for (Path document : documents) {
            results.put(document.getFileName().toString(), validator.validate(read(document)));
        }
        results.forEach((name, problems) -> System.out.println("INVALID " + name + ": " + problems));
        assertThat(documents).hasSize(15);
        assertThat(results).allSatisfy((name, problems) -> assertThat(problems).as(name).isNotEmpty()
                .allSatisfy(p -> assertThat(p.type()).isEqualTo("epcisException:ValidationException")));
        assertThat(pointers(results, "ObjectEvent_with_invalid_action.json")).contains("/epcisBody/eventList/0/action");
        assertThat(pointers(results, "ObjectEvent_with_non_standard_bizStep.json")).contains("/epcisBody/eventList/0/bizStep");
        assertThat(pointers(results, "ObjectEvent_with_non_standard_bizStep_in_second_event.json"))
                .contains("/epcisBody/eventList/1/bizStep");
        assertThat(pointers(results, "ObjectEvent_with_non_standard_disposition.json"))
                .contains("/epcisBody/eventList/0/disposition");
        assertThat(pointers(results, "ObjectEvent_with_invalid_eventTime_format.json"))
                .contains("/epcisBody/eventList/0/eventTime");
    }

    @Test
    void cbvValuesAreAcceptedAsBareWordsWebUrisAndUrns() {
        for (String bizStep : List.of("shipping", "https://ref.gs1.org/cbv/BizStep-shipping", "urn:epcglobal:cbv:bizstep:shipping",
                "https://example.com/vocab/bizstep/exampling")) {
            ObjectNode event = event();
            event.put("bizStep", bizStep);
            assertThat(validator.validate(event)).as(bizStep).isEmpty();
        }
        for (String bizStep : List.of("shippin", "https://ref.gs1.org/cbv/BizStep-shippin", "urn:epcglobal:cbv:bizstep:shippin")) {
            ObjectNode event = event();
            event.put("bizStep", bizStep);
            assertThat(validator.validate(event)).as(bizStep).extracting(EpcisProblem::pointer).contains("/bizStep");
        }
    }

    @Test
    void identifiersMayBeEpcUrnsOrDigitalLinksButMustBeWellFormed() {
        ObjectNode event = event();
        event.putArray("epcList").add("urn:epc:id:sgtin:0614141.107346.2017").add("https://id.gs1.org/01/10614141073464/21/2018");
        assertThat(validator.validate(event)).isEmpty();
        event.putArray("epcList").add("urn:epc:id:sgtin:0614141.10734.2017").add("https://id.gs1.org/01/10614141073465/21/2018");
        assertThat(validator.validate(event)).extracting(EpcisProblem::pointer).containsExactly("/epcList/0", "/epcList/1");
    }

    @Test
    void theInputIsNotChangedAndUserExtensionsStay() throws IOException {
        JsonNode document = read(CAPTURE.resolve("Documents/ObjectEvent_with_userExtensions.json").toFile().exists()
                ? CAPTURE.resolve("Documents/ObjectEvent_with_userExtensions.json")
                : files(CAPTURE.resolve("Documents")).stream().filter(p -> p.toString().contains("userExtensions")).findFirst().orElseThrow());
        JsonNode before = document.deepCopy();
        ObjectNode urnForm = event();
        urnForm.put("bizStep", "urn:epcglobal:cbv:bizstep:shipping");
        validator.validate(document);
        validator.validate(urnForm);
        assertThat(document).isEqualTo(before);
        assertThat(urnForm.path("bizStep").asString()).isEqualTo("urn:epcglobal:cbv:bizstep:shipping");
    }

    private static ObjectNode event() {
        ObjectNode event = JSON.createObjectNode();
        event.putArray("@context").add("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        event.put("type", "ObjectEvent");
        event.put("eventTime", "2026-01-01T10:00:00.000+01:00");
        event.put("eventTimeZoneOffset", "+01:00");
        event.putArray("epcList").add("urn:epc:id:sgtin:0614141.107346.2017");
        event.put("action", "OBSERVE");
        return event;
    }

    private static List<String> pointers(Map<String, List<EpcisProblem>> results, String name) {
        return results.get(name).stream().map(EpcisProblem::pointer).toList();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonld")).sorted().toList();
        }
    }

    private static JsonNode read(Path file) throws IOException {
        return JSON.readTree(Files.readString(file));
    }
}
