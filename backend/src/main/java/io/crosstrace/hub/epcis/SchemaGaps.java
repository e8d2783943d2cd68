package io.crosstrace.hub.epcis;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Places where the bundled GS1 JSON Schema is narrower than the EPCIS 2.0 standard, and whose errors are therefore
 * not reported (the values concerned are still checked against the CBV elsewhere):
 * <ul>
 *   <li>{@code persistentDisposition} is listed only for ObjectEvent and TransformationEvent, while EPCIS 2.0
 *       §7.4.1 gives it to every event type;</li>
 *   <li>the measurement types of {@code sensorReport.type} are a snapshot of the GS1 Web Vocabulary
 *       (EPCIS 2.0 §7.3.8 refers to the vocabulary, which grows): an UpperCamelCase bare word is accepted;</li>
 *   <li>the schema requires {@code type} on every sensor report, while a report that only signals an
 *       {@code exception} (an alarm or error condition without a measurement) is valid EPCIS 2.0.</li>
 * </ul>
 */
final class SchemaGaps {

    private SchemaGaps() {
    }

    static boolean tolerated(Error error, String pointer, Set<String> eventPointers, JsonNode document) {
        if (eventPointers.contains(pointer) && error.getMessage() != null
                && error.getMessage().contains("'persistentDisposition'")) {
            return true;
        }
        if (pointer.matches(".*/sensorElementList/\\d+/sensorReport/\\d+") && error.getMessage() != null
                && error.getMessage().contains("'type'") && document.at(pointer).has("exception")) {
            return true;
        }
        if (pointer.matches(".*/sensorElementList/\\d+/sensorReport/\\d+/type")) {
            JsonNode value = document.at(pointer);
            return value.isString() && value.asString().matches("[A-Z][A-Za-z_]*");
        }
        return false;
    }
}
