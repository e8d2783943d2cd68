package io.crosstrace.bench;

import java.io.OutputStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.code.LabelSheet;
import io.crosstrace.hub.code.LabelSheetRenderer;
import io.crosstrace.hub.code.LabelSheetService;
import io.crosstrace.hub.code.QrCodeRenderer;
import io.crosstrace.hub.code.QrOptions;
import io.crosstrace.hub.code.TraceCodeService;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.recall.ForwardTraceService;
import io.crosstrace.hub.security.AccessTokens;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.seed.LoadReport;
import io.crosstrace.seed.WorldLoader;
import io.crosstrace.seed.WorldSpec;

/**
 * The benchmark suite. Starts the hub on a generated world (loaded once into its data folder), then
 * measures each scenario under concurrency next to its floor, and prints a Markdown table. Client and hub
 * share this machine: the numbers include the client's own cost.
 *
 * <p>Usage: {@code java -jar bench/target/crosstrace-bench.jar [--codes 1000000] [--data ./data-bench]
 * [--users 16] [--seconds 20] [--warmup 10] [--hub-warmup 180] [--recall-units 100000] [--recall-scans 30000]
 * [--epcis-events 1000000] [--epcis-documents 20] [--only scan,port,graphql,recall,images,epcis] [--soak-minutes 10]}
 *
 * <p>Before the scenarios that load it, scan pages and linksets (and partners' GraphQL pages when they are measured)
 * warm the hub as a whole until the JIT compiler is quiet, for at most {@code --hub-warmup} seconds. The scan page is
 * the first scenario that records scans, and on two cores the JIT compiler, competing with the load for them, was
 * still compiling its read-and-write path through a 30-second warm-up and into the measured period (a third of a
 * core, and about a quarter of the page's CPU). A hub in service runs warm.
 *
 * <p>{@code --only soak} runs the soak instead ({@link SoakRun}); it is never part of the default scenarios.
 *
 * <p>The recall scenario adds one batch of {@code --recall-units} units (with {@code --recall-scans} consumer scans)
 * to the world, once, and traces it forward through GraphQL with one user: a recall is one person's question, whose
 * answer must come fast, not a load many users put on the hub at once.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long codes = Long.parseLong(options.getOrDefault("codes", "1000000"));
        Path data = Path.of(options.getOrDefault("data", "./data-bench"));
        int users = Integer.parseInt(options.getOrDefault("users", "16"));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration hubWarmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("hub-warmup", "180")));

        Set<String> only = Set.of(options.getOrDefault("only", "scan,port,graphql,recall,images,epcis").split(","));
        long soakMinutes = Long.parseLong(options.getOrDefault("soak-minutes", "10"));
        // A soak signs its partners in once: their access tokens must outlive the run (10 minutes by default).
        String tokenTtl = "--crosstrace.security.access-token-ttl=" + (only.contains("soak") ? soakMinutes + 10 : 10) + "m";

        // As command-line arguments: they override the hub's application.properties.
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CrossTraceApplication.class)
                .run("--server.port=0", "--crosstrace.seed=false", "--crosstrace.data-dir=" + data.toAbsolutePath(),
                        "--crosstrace.embedded.page-cache=" + options.getOrDefault("page-cache", "2g"), tokenTtl,
                        "--logging.level.root=WARN", "--logging.level.io.crosstrace=INFO")) {
            Driver driver = hub.getBean(Driver.class);
            LoadReport load = new WorldLoader(driver, null).loadIfAbsent(WorldSpec.ofUnitCodes(codes));
            System.out.printf("World: %s (%s)%n", load.nodeCounts(), load.reason());
            List<String> paths = sample(driver, 20_000);
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<Stats> results = new ArrayList<>();
            if ((only.contains("scan") || only.contains("port") || only.contains("graphql")) && hubWarmup.isPositive()) {
                warmUp(hub, driver, http, base, paths, only.contains("graphql"), users, hubWarmup);
            }
            // The scan walk as one raw statement is the floor of the scan page, the linkset and the port's verdict.
            Stats walkFloor = only.contains("scan") || only.contains("port")
                    ? ClosedLoop.run("Cypher floor: the scan walk through the driver", users, warmup, measured,
                            random -> driver.executableQuery(TraceCodeService.CHAIN_CYPHER)
                                    .withParameters(Map.of("paths", List.of(pick(paths, random)))).execute())
                    : null;
            if (walkFloor != null) {
                results.add(walkFloor);
            }
            if (only.contains("scan")) {
                results.add(ClosedLoop.run("HTTP floor: static robots.txt", users, warmup, measured,
                        random -> expect200(http, base + "/robots.txt", "text/plain")));
                results.add(ClosedLoop.run("Scan page (HTML) of a random unit", users, warmup, measured,
                        random -> expect200(http, base + pick(paths, random), "text/html")).against(walkFloor));
                results.add(ClosedLoop.run("Linkset of a random unit", users, warmup, measured,
                        random -> expect200(http, base + pick(paths, random), "application/linkset+json")).against(walkFloor));
                System.out.printf("Scan pages' batch cache: %,.0f hits, %,.0f misses, %,.0f read again in the background%n",
                        counter(hub, "crosstrace.scan.batch-cache.hits"), counter(hub, "crosstrace.scan.batch-cache.misses"),
                        counter(hub, "crosstrace.scan.batch-cache.refreshes"));
            }
            if (only.contains("port")) {
                results.add(PortVerificationScenario.run(hub, driver, http, base, users, warmup, measured).against(walkFloor));
            }
            if (only.contains("graphql")) {
                results.addAll(ConsignmentPageScenario.run(hub, driver, http, base, users, warmup, measured));
            }
            if (!results.isEmpty()) {
                print(results, codes, users);
            }
            if (only.contains("recall")) {
                recallForwardTrace(hub, driver, http, base, options, warmup, measured);
            }
            if (only.contains("images")) {
                codeImages(hub, driver, paths.getFirst());
            }
            if (only.contains("epcis")) {
                epcis(hub, driver, http, base, options, users, warmup, measured);
            }
            if (only.contains("soak")) {
                String token = hub.getBean(AccessTokens.class)
                        .issue(Actor.user("bench-admin", platformGln(driver), Role.PLATFORM_ADMIN)).token();
                SoakRun.run(hub, driver, http, base, paths, token, users, Duration.ofMinutes(soakMinutes));
            }
        }
    }

    /**
     * EPCIS capture throughput of 1,000-event documents with one and two clients, then query latency on a store filled
     * to {@code --epcis-events} (default 1,000,000) through the same interface.
     */
    private static void epcis(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base,
            Map<String, String> options, int users, Duration warmup, Duration measured) throws Exception {
        String token = hub.getBean(AccessTokens.class)
                .issue(Actor.user("bench-admin", platformGln(driver), Role.PLATFORM_ADMIN)).token();
        int documents = Integer.parseInt(options.getOrDefault("epcis-documents", "20"));
        long target = Long.parseLong(options.getOrDefault("epcis-events", "1000000"));
        java.util.concurrent.atomic.AtomicLong serials = EpcisScenario.serials(driver);
        // Fill first: on a store that is still small, each capture grows it so much that the planner re-plans the
        // statements (their statistics diverge), which a store of steady size does not see.
        long stored = EpcisScenario.fill(driver, http, base, token, target, serials);
        EpcisScenario.captureThroughput(http, base, token, 1, 2, serials);
        double one = EpcisScenario.captureThroughput(http, base, token, 1, documents, serials);
        double two = EpcisScenario.captureThroughput(http, base, token, 2, documents, serials);
        System.out.printf("%nEPCIS capture of %d documents of 1,000 events (one transaction each) into a store of %,d events:%n"
                + "| clients | events/s |%n|---|---|%n| 1 | %,.0f |%n| 2 | %,.0f |%n", documents, stored, one, two);
        long storedSerials = serials.get() - 1;
        List<Stats> results = new ArrayList<>();
        results.add(ClosedLoop.run("EPCIS query: MATCH_epc of a random unit", users, warmup, measured,
                random -> EpcisScenario.query(http, EpcisScenario.byEpc(base, EpcisScenario.randomEpc(random, storedSerials)), token)));
        results.add(ClosedLoop.run("EPCIS query: EQ_bizStep + EQ_readPoint, newest 100", users, warmup, measured,
                random -> EpcisScenario.query(http, EpcisScenario.byStepAndPlace(base, random), token)));
        System.out.printf("%nEPCIS queries on a store of %,d events, %d users%n", stored, users);
        table(results);
    }

    /** The forward trace of one very large batch, through GraphQL, next to its own query run raw through the driver. */
    private static void recallForwardTrace(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base,
            Map<String, String> options, Duration warmup, Duration measured) throws Exception {
        int units = Integer.parseInt(options.getOrDefault("recall-units", "100000"));
        int scans = Integer.parseInt(options.getOrDefault("recall-scans", "30000"));
        RecallBatch.Key batch = RecallBatch.ensure(driver, units, scans);
        Actor analyst = Actor.user("bench-analyst", platformGln(driver), Role.ANALYST);
        String token = hub.getBean(AccessTokens.class).issue(analyst).token();
        String body = JsonMapper.builder().build().writeValueAsString(Map.of("query", FORWARD_TRACE_QUERY,
                "variables", Map.of("batch", GlobalId.of(Batch.TYPE, Batch.key(batch.gtin(), batch.lot())))));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Map<String, Object> parameters = ForwardTraceService.parameters(analyst, batch.gtin(), batch.lot());

        String answer = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (!answer.contains("\"unitCount\":" + units) || answer.contains("\"errors\"")) {
            throw new IllegalStateException("The forward trace did not answer as expected: " + answer);
        }
        System.out.printf("%nRecall forward trace of %s/%s: %s%n", batch.gtin(), batch.lot(),
                answer.substring(answer.indexOf("\"scans\""), Math.min(answer.length(), answer.indexOf("\"scans\"") + 160)));
        List<Stats> results = new ArrayList<>();
        results.add(ClosedLoop.run("Cypher floor: the forward trace statement through the driver", 1, warmup, measured,
                random -> driver.executableQuery(ForwardTraceService.FORWARD_TRACE_CYPHER).withParameters(parameters).execute()));
        results.add(ClosedLoop.run("HTTP floor: static robots.txt", 1, warmup, measured,
                random -> expect200(http, base + "/robots.txt", "text/plain")));
        results.add(ClosedLoop.run("Recall forward trace (GraphQL) of a %,d-unit batch".formatted(units), 1, warmup, measured,
                random -> {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                        throw new IllegalStateException("forwardTrace answered " + response.statusCode());
                    }
                }));
        System.out.printf("%nRecall: forward trace of one batch of %,d units with %,d scans, 1 user (target: within 200 ms)%n",
                units, scans);
        table(results);
    }

    /** Counts, scans by country and cell, shipments, consignments, importers, ports and the first page of units. */
    private static final String FORWARD_TRACE_QUERY = """
            query($batch: ID!) { forwardTrace(batch: $batch) {
              unitCount units(first: 100) { edges { node { uri scanCount } } }
              shipments { quantity shipment { number } } consignments { quantity consignment { declarationNumber status } }
              importers { gln name } ports { gln name }
              scans { scannedUnits totalScans locatedScans byCountry { country scans units } byCell { latitude longitude scans } }
            } }""";

    /** QR PNGs per second (one thread, then all cores) and the time to render a 1,000-label PDF. */
    private static void codeImages(ConfigurableApplicationContext hub, Driver driver, String anyPath) throws Exception {
        QrCodeRenderer qr = hub.getBean(QrCodeRenderer.class);
        CodeSigner signer = hub.getBean(CodeSigner.class);
        String uri = signer.signedUri(DigitalLink.parse(anyPath), "https://id.example.com");
        for (int i = 0; i < 500; i++) {
            qr.png(uri, QrOptions.defaults());
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : new int[] {1, cores}) {
            Stats stats = ClosedLoop.run("QR PNG", threads, Duration.ofSeconds(2), Duration.ofSeconds(10),
                    random -> qr.png(uri, QrOptions.defaults()));
            System.out.printf("%nQR PNG (300 px, ECC M) with %d thread(s): %,.0f images/s (p50 %.2f ms)%n", threads,
                    stats.throughput(), stats.p50Millis());
        }
        DigitalLink link = DigitalLink.parse(anyPath);
        Actor administrator = Actor.user("bench-admin", platformGln(driver), Role.PLATFORM_ADMIN);
        LabelSheetService sheets = hub.getBean(LabelSheetService.class);
        LabelSheetRenderer renderer = hub.getBean(LabelSheetRenderer.class);
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            // Label sheets are for the batch's producer or an administrator: the benchmark prints as an administrator.
            LabelSheet sheet = CurrentActor.callAs(administrator,
                    () -> sheets.labelSheet(link.gtin(), link.lot(), 0, 1000, "https://id.example.com"));
            long read = System.nanoTime();
            OutputStream sink = OutputStream.nullOutputStream();
            renderer.render(sheet, sink);
            long done = System.nanoTime();
            System.out.printf("Label sheet, %d labels: %.2f s (read and sign %.2f s, render %.2f s)%n",
                    sheet.labels().size(), (done - started) / 1e9, (read - started) / 1e9, (done - read) / 1e9);
        }
    }

    /** The platform operator, whose administrators and analysts the benchmark acts as. */
    private static String platformGln(Driver driver) {
        return driver.executableQuery("MATCH (o:Organization) WHERE 'PLATFORM' IN o.roles RETURN o.gln ORDER BY o.gln LIMIT 1")
                .execute().records().getFirst().get(0).asString();
    }

    /**
     * Scan pages and linksets, alternating, with a partner's GraphQL page every tenth request when it is measured: in
     * slices of 10 s until the JIT compiler is quiet (under 5 % of a core in the last slice), for at most
     * {@code longest}.
     */
    private static void warmUp(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base,
            List<String> paths, boolean graphQl, int users, Duration longest) throws Exception {
        ClosedLoop.Request partnerPage = graphQl ? ConsignmentPageScenario.prepare(hub, driver, http, base,
                ConsignmentPageScenario.busiestImporter(driver)) : null;
        ClosedLoop.Request mix = random -> {
            int draw = random.nextInt(10);
            if (partnerPage != null && draw == 0) {
                partnerPage.send(random);
            } else {
                expect200(http, base + pick(paths, random), draw % 2 == 0 ? "text/html" : "application/linkset+json");
            }
        };
        Duration slice = Duration.ofSeconds(10);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        Duration warmed = Duration.ZERO;
        long compiling;
        do {
            long before = jit.getTotalCompilationTime();
            ClosedLoop.warm(users, slice, mix);
            compiling = jit.getTotalCompilationTime() - before;
            warmed = warmed.plus(slice);
        } while (compiling > slice.toMillis() / 20 && warmed.compareTo(longest) < 0);
        System.out.printf("Hub warmed up: %d s of scan pages and linksets%s, %d users; the JIT compiled for %d ms in the "
                + "last %d s%n", warmed.toSeconds(), graphQl ? " with GraphQL pages" : "", users, compiling, slice.toSeconds());
    }

    static void expect200(HttpClient http, String uri, String accept) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", accept)
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
    }

    private static List<String> sample(Driver driver, int size) {
        long total = driver.executableQuery("MATCH (c:TraceCode) RETURN count(c) AS n").execute().records().getFirst()
                .get("n").asLong();
        double fraction = Math.min(1.0, size * 1.2 / Math.max(1, total));
        // Units of the generated world only: the recall scenario's large batch, once added, stays out of the scan scenarios.
        return driver.executableQuery("""
                MATCH (c:TraceCode) WHERE rand() < $fraction AND c.lot <> $recallLot RETURN c.path AS path LIMIT $size""")
                .withParameters(Map.of("fraction", fraction, "size", size, "recallLot", RecallBatch.LOT)).execute().records().stream()
                .map(r -> r.get("path").asString()).toList();
    }

    static String pick(List<String> paths, java.util.concurrent.ThreadLocalRandom random) {
        return paths.get(random.nextInt(paths.size()));
    }

    private static void print(List<Stats> results, long codes, int users) {
        System.out.printf("%n%,d unit codes, %d concurrent users, %d cores, JDK %s%n%n", codes, users,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        table(results);
    }

    private static double counter(ConfigurableApplicationContext hub, String name) {
        var counter = hub.getBean(io.micrometer.core.instrument.MeterRegistry.class).find(name).functionCounter();
        return counter == null ? Double.NaN : counter.count();
    }

    /**
     * The results as a Markdown table, each row next to its floor when it has one, then where each scenario's CPU went
     * (milliseconds per request, by the parts {@link CpuMeter} names).
     */
    private static void table(List<Stats> results) {
        System.out.println("| scenario | requests | errors | p50 ms | p99 ms | requests/s | p99 ÷ floor p99 | CPU ms/request |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Stats s : results) {
            System.out.printf("| %s | %,d | %d | %.2f | %.2f | %,.0f | %s | %.2f |%n", s.scenario(), s.requests(),
                    s.errors(), s.p50Millis(), s.p99Millis(), s.throughput(),
                    s.floor() != null ? "%.2f".formatted(s.p99OverFloor()) : s.scenario().contains("floor") ? "(floor)" : "–",
                    s.cpuMillisPerRequest());
        }
        System.out.println();
        for (Stats s : results) {
            if (s.cpu() != null) {
                System.out.printf("CPU ms per request, %s: %s%n", s.scenario(), s.cpu().perRequest(s.requests()));
            }
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Options are --name value pairs: " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
