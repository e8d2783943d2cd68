package io.crosstrace.hub.epcis;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.neo4j.driver.Driver;

import io.crosstrace.hub.Partners;
import io.crosstrace.hub.security.AuthService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the EPCIS interface of a test hub over HTTP as a demo partner (or anonymously with a null user). */
final class EpcisClient {

    static final Path CONFORMANCE = Path.of("/work/shared/conformance/epcis");
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final AuthService auth;

    EpcisClient(int port, AuthService auth) {
        this.port = port;
        this.auth = auth;
    }

    HttpResponse<String> post(String path, String user, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path, user).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    HttpResponse<String> post(String path, String user, String json) {
        return post(path, user, "application/ld+json", json.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathAndQuery, String user, String... headers) {
        HttpRequest.Builder request = request(pathAndQuery, user).GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    HttpResponse<String> graphQl(String query, String uri, String user) {
        String body = JSON.createObjectNode().put("query", query).set("variables", JSON.createObjectNode().put("u", uri)).toString();
        return post("/graphql", user, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> options(String path) {
        return send(request(path, null).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The events of a query response document. */
    static List<JsonNode> events(HttpResponse<String> response) {
        List<JsonNode> events = new ArrayList<>();
        json(response).path("epcisBody").path("queryResults").path("resultsBody").path("eventList").forEach(events::add);
        return events;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Removes every captured event, identifier index node and capture job: each conformance document starts clean. */
    static void clear(Driver driver) {
        driver.executableQuery("MATCH (n) WHERE n:EpcisEvent OR n:Epc OR n:EpcisCapture DETACH DELETE n").execute();
    }

    static long storedEvents(Driver driver) {
        return driver.executableQuery("MATCH (e:EpcisEvent) RETURN count(e) AS n").execute().records().getFirst().get("n").asLong();
    }

    static List<Path> documents(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".jsonld")).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Bearer " + Partners.token(auth, user));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
