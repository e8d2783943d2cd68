package io.crosstrace.hub.epcis;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The EPCIS 2.0 REST binding under {@code /epcis}: capture (documents and single events), capture jobs, event
 * queries and discovery. Thin: services decide who may do what; this reads bodies within the announced limits and
 * writes the binding's headers.
 */
@RestController
@RequestMapping("/epcis")
class EpcisController {

    static final MediaType JSON_LD = MediaType.parseMediaType("application/ld+json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final String EVENTS_PATH = "/epcis/events/";

    private final CaptureService capture;
    private final EventQueryService queries;
    private final QueryDocuments documents;
    private final CbvValues cbv;
    private final EpcisProperties limits;

    EpcisController(CaptureService capture, EventQueryService queries, QueryDocuments documents, CbvValues cbv,
                    EpcisProperties limits) {
        this.capture = capture;
        this.queries = queries;
        this.documents = documents;
        this.cbv = cbv;
        this.limits = limits;
    }

    @RequestMapping(method = RequestMethod.OPTIONS, path = {"", "/capture", "/capture/{captureID}", "/events",
            "/events/**", "/eventTypes", "/epcs/{epc}/events"})
    ResponseEntity<Void> options(HttpServletRequest request) {
        String path = request.getRequestURI();
        String allow = path.endsWith("/capture") || path.endsWith("/events") && !path.contains("/epcs/")
                ? "OPTIONS, GET, POST" : "OPTIONS, GET";
        return ResponseEntity.noContent().header(HttpHeaders.ALLOW, allow).headers(captureLimits()).build();
    }

    @PostMapping("/capture")
    ResponseEntity<CaptureJob> capture(HttpServletRequest request) {
        JsonNode document = readBody(request);
        int events = EventHash.eventsOf(document).size();
        if (events > limits.captureLimit()) {
            throw EpcisRequestException.tooLarge("The document holds " + events + " events; this hub captures at most "
                    + limits.captureLimit() + " per document (GS1-EPCIS-Capture-Limit)");
        }
        CaptureJob job = capture.capture(document);
        return ResponseEntity.accepted().location(URI.create("/epcis/capture/" + job.captureID()))
                .headers(captureLimits()).contentType(MediaType.APPLICATION_JSON).body(job);
    }

    @GetMapping("/capture")
    ResponseEntity<List<CaptureJob>> jobs(@RequestParam(defaultValue = "100") int perPage) {
        return ResponseEntity.ok().headers(captureLimits()).body(capture.jobs(Math.max(1, Math.min(perPage, 1000))));
    }

    @GetMapping("/capture/{captureID}")
    ResponseEntity<CaptureJob> job(@PathVariable String captureID) {
        return ResponseEntity.ok().headers(captureLimits()).body(capture.job(captureID));
    }

    @PostMapping("/events")
    ResponseEntity<Void> captureEvent(HttpServletRequest request) {
        EventReceipt receipt = capture.captureEvent(readBody(request));
        return ResponseEntity.created(URI.create(EVENTS_PATH + encode(receipt.eventId()))).headers(captureLimits()).build();
    }

    @GetMapping("/events")
    ResponseEntity<JsonNode> events(@RequestParam MultiValueMap<String, String> parameters,
                                    @RequestHeader(value = "GS1-EPC-Format", required = false) String epcFormat) {
        return page(EventQuery.parse(parameters, cbv, limits), epcFormat);
    }

    /** The eventID is read from the raw path: hash IDs hold '/', ';' and '?' that must arrive percent-encoded. */
    @GetMapping("/events/**")
    ResponseEntity<JsonNode> event(HttpServletRequest request,
                                   @RequestHeader(value = "GS1-EPC-Format", required = false) String epcFormat) {
        String raw = request.getRequestURI().substring(request.getContextPath().length() + EVENTS_PATH.length());
        String eventId = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        List<StoredEvent> found = queries.find(EventQuery.byEventId(eventId, limits));
        if (found.isEmpty()) {
            throw EpcisRequestException.notFound("No event " + eventId + " that you may see");
        }
        return ResponseEntity.ok().contentType(JSON_LD).header("GS1-EPC-Format", format(epcFormat).name())
                .body(documents.queryDocument(found, format(epcFormat)));
    }

    @GetMapping("/epcs/{epc}/events")
    ResponseEntity<JsonNode> eventsOfEpc(@PathVariable String epc, @RequestParam MultiValueMap<String, String> parameters,
                                         @RequestHeader(value = "GS1-EPC-Format", required = false) String epcFormat) {
        if (parameters.containsKey("MATCH_anyEPC")) {
            throw EpcisRequestException.queryParameter("MATCH_anyEPC", "The EPC is given in the path");
        }
        MultiValueMap<String, String> withEpc = new org.springframework.util.LinkedMultiValueMap<>(parameters);
        withEpc.add("MATCH_anyEPC", epc);
        return page(EventQuery.parse(withEpc, cbv, limits), epcFormat);
    }

    @GetMapping("/eventTypes")
    ResponseEntity<Map<String, Object>> eventTypes() {
        io.crosstrace.hub.security.CurrentActor.require();
        return ResponseEntity.ok(Map.of("@set", EventQuery.EVENT_TYPES));
    }

    private ResponseEntity<JsonNode> page(EventQuery query, String epcFormat) {
        QueryDocuments.EpcFormat format = format(epcFormat);
        List<StoredEvent> rows = queries.find(query);
        int size = query.pageSize();
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(JSON_LD).header("GS1-EPC-Format", format.name());
        if (rows.size() > size) {
            String token = query.nextPageToken(query.offset() + size);
            String next = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("nextPageToken", token)
                    .build().toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            rows = rows.subList(0, size);
        }
        return response.body(documents.queryDocument(rows, format));
    }

    private static QueryDocuments.EpcFormat format(String header) {
        return QueryDocuments.EpcFormat.of(header);
    }

    private HttpHeaders captureLimits() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("GS1-EPCIS-Capture-Limit", String.valueOf(limits.captureLimit()));
        headers.set("GS1-EPCIS-Capture-File-Size-Limit", String.valueOf(limits.captureFileSizeLimit()));
        return headers;
    }

    /** The body as JSON: only JSON media types, at most the announced size, well-formed. */
    private JsonNode readBody(HttpServletRequest request) {
        String contentType = request.getContentType();
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.parseMediaType(contentType);
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(JSON_LD))) {
            throw EpcisRequestException.unsupportedMediaType("Send EPCIS 2.0 JSON-LD as application/ld+json or application/json, not "
                    + (contentType == null ? "no content type" : contentType));
        }
        // Read up to one byte past the limit even when Content-Length already says too much: answering before the
        // body is consumed makes the server drop the connection, and the client sees a reset instead of the 413.
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.captureFileSizeLimit() + 1));
        } catch (IOException e) {
            throw EpcisRequestException.validation("", "The request body could not be read");
        }
        if (body.length > limits.captureFileSizeLimit()) {
            throw tooManyBytes();
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json == null || !json.isObject()) {
                throw EpcisRequestException.validation("", "The body must be a JSON object");
            }
            return json;
        } catch (JacksonException malformed) {
            throw EpcisRequestException.validation("", "The body is not well-formed JSON: " + malformed.getOriginalMessage());
        }
    }

    private EpcisRequestException tooManyBytes() {
        return EpcisRequestException.tooLarge("This hub captures documents of at most " + limits.captureFileSizeLimit()
                + " bytes (GS1-EPCIS-Capture-File-Size-Limit)");
    }

    static String encode(String id) {
        return java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
