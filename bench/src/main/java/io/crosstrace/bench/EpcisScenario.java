package io.crosstrace.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.driver.Driver;

/**
 * EPCIS 2.0 through the REST binding: capture throughput of documents of 1,000 events (events per second, each
 * document in one transaction, as the interface stores it) and query latency on a store of a given size.
 *
 * <p>The events are receipts of units of a GTIN no hub organization owns (a foreign supplier's goods: capturing them
 * needs no graph links), one unit per event, at one of a few read points. The store is filled through the same
 * capture interface up to {@code --epcis-events} once and kept in the data folder for later runs.
 */
final class EpcisScenario {

    /** GS1 company prefix 0614141 (GS1's own example prefix): no hub organization owns it. */
    private static final String GTIN = "10614141000019";
    private static final int EVENTS_PER_DOCUMENT = 1_000;
    private static final String[] READ_POINTS = {"0614141000012", "0614141000029", "0614141000036", "0614141000043"};

    private EpcisScenario() {
    }

    /** Captures {@code documents} documents with {@code clients} concurrent clients; returns events per second. */
    static double captureThroughput(HttpClient http, String base, String token, int clients, int documents, AtomicLong serials)
            throws InterruptedException {
        AtomicLong left = new AtomicLong(documents);
        AtomicLong failures = new AtomicLong();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("capture-" + c).start(() -> {
                while (left.getAndDecrement() > 0) {
                    try {
                        capture(http, base, token, document(serials.getAndAdd(EVENTS_PER_DOCUMENT), EVENTS_PER_DOCUMENT));
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        System.err.println("Capture failed: " + e.getMessage());
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " captures failed");
        }
        return documents * (double) EVENTS_PER_DOCUMENT / seconds;
    }

    /** Fills the store through the capture interface until it holds at least {@code target} events. */
    static long fill(Driver driver, HttpClient http, String base, String token, long target, AtomicLong serials)
            throws InterruptedException {
        long stored = stored(driver);
        if (stored < target) {
            int documents = (int) Math.ceil((target - stored) / (double) EVENTS_PER_DOCUMENT);
            System.out.printf("Filling the EPCIS store with %,d documents of %,d events...%n", documents, EVENTS_PER_DOCUMENT);
            double rate = captureThroughput(http, base, token, 2, documents, serials);
            System.out.printf("Filled at %,.0f events/s%n", rate);
        }
        return stored(driver);
    }

    /** The next free serial: runs go on where the store left off, so every event is new. */
    static AtomicLong serials(Driver driver) {
        return new AtomicLong(stored(driver) + 1);
    }

    static long stored(Driver driver) {
        return driver.executableQuery("MATCH (e:EpcisEvent) RETURN count(e) AS n").execute().records().getFirst().get("n").asLong();
    }

    /** One of the stored units: the query by EPC looks up a random one. */
    static String randomEpc(ThreadLocalRandom random, long storedSerials) {
        return "https://id.gs1.org/01/" + GTIN + "/21/" + (1 + random.nextLong(storedSerials));
    }

    static void query(HttpClient http, String uri, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/ld+json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("EPCISQueryDocument")) {
            throw new IllegalStateException("Query answered " + response.statusCode() + ": " + response.body());
        }
    }

    static String byEpc(String base, String epc) {
        return base + "/epcis/events?MATCH_epc=" + URLEncoder.encode(epc, StandardCharsets.UTF_8);
    }

    static String byStepAndPlace(String base, ThreadLocalRandom random) {
        String readPoint = "https://id.gs1.org/414/" + READ_POINTS[random.nextInt(READ_POINTS.length)];
        return base + "/epcis/events?EQ_bizStep=receiving&EQ_readPoint=" + URLEncoder.encode(readPoint, StandardCharsets.UTF_8)
                + "&orderBy=eventTime&orderDirection=DESC&perPage=100";
    }

    static void capture(HttpClient http, String base, String token, String document) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/epcis/capture"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/ld+json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofString(document)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("Capture answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
    }

    /** A document of receipts of units {@code first} to {@code first + events - 1}, at a spread of times and read points. */
    static String document(long first, int events) {
        StringBuilder json = new StringBuilder(events * 420);
        json.append("{\"@context\":[\"https://ref.gs1.org/standards/epcis/epcis-context.jsonld\"],\"type\":\"EPCISDocument\",")
                .append("\"schemaVersion\":\"2.0\",\"creationDate\":\"").append(Instant.now()).append("\",\"epcisBody\":{\"eventList\":[");
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < events; i++) {
            long serial = first + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"ObjectEvent\",\"eventTime\":\"").append(start.plusSeconds(serial * 7 % 30_000_000L))
                    .append("\",\"eventTimeZoneOffset\":\"+08:00\",\"action\":\"OBSERVE\",\"epcList\":[\"https://id.gs1.org/01/")
                    .append(GTIN).append("/21/").append(serial).append("\"],\"bizStep\":\"receiving\",\"disposition\":\"in_progress\",")
                    .append("\"readPoint\":{\"id\":\"https://id.gs1.org/414/").append(READ_POINTS[(int) (serial % READ_POINTS.length)])
                    .append("\"},\"bizTransactionList\":[{\"type\":\"po\",\"bizTransaction\":\"urn:epcglobal:cbv:bt:0614141000012:PO-")
                    .append(serial / 100).append("\"}]}");
        }
        return json.append("]}}").toString();
    }
}
