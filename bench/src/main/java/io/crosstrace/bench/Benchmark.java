package io.crosstrace.bench;

import java.io.OutputStream;
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

import org.neo4j.driver.Driver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.CrossTraceApplication;
import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.code.LabelSheet;
import io.crosstrace.hub.code.LabelSheetRenderer;
import io.crosstrace.hub.code.LabelSheetService;
import io.crosstrace.hub.code.QrCodeRenderer;
import io.crosstrace.hub.code.QrOptions;
import io.crosstrace.hub.code.TraceCodeService;
import io.crosstrace.seed.LoadReport;
import io.crosstrace.seed.WorldLoader;
import io.crosstrace.seed.WorldSpec;

/**
 * The benchmark suite. Starts the hub on a generated world (loaded once into its data folder), then
 * measures each scenario under concurrency next to its floor, and prints a Markdown table. Client and hub
 * share this machine: the numbers include the client's own cost.
 *
 * <p>Usage: {@code java -jar bench/target/crosstrace-bench.jar [--codes 1000000] [--data ./data-bench]
 * [--users 16] [--seconds 20] [--warmup 10]}
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        long codes = Long.parseLong(options.getOrDefault("codes", "1000000"));
        Path data = Path.of(options.getOrDefault("data", "./data-bench"));
        int users = Integer.parseInt(options.getOrDefault("users", "16"));
        Duration measured = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));

        // As command-line arguments: they override the hub's application.properties.
        try (ConfigurableApplicationContext hub = new SpringApplicationBuilder(CrossTraceApplication.class)
                .run("--server.port=0", "--crosstrace.seed=false", "--crosstrace.data-dir=" + data.toAbsolutePath(),
                        "--crosstrace.embedded.page-cache=" + options.getOrDefault("page-cache", "2g"),
                        "--logging.level.root=WARN", "--logging.level.io.crosstrace=INFO")) {
            Driver driver = hub.getBean(Driver.class);
            LoadReport load = new WorldLoader(driver, null).loadIfAbsent(WorldSpec.ofUnitCodes(codes));
            System.out.printf("World: %s (%s)%n", load.nodeCounts(), load.reason());
            List<String> paths = sample(driver, 20_000);
            int port = ((WebServerApplicationContext) hub).getWebServer().getPort();
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

            List<Stats> results = new ArrayList<>();
            results.add(ClosedLoop.run("Cypher floor: the scan walk through the driver", users, warmup, measured,
                    random -> driver.executableQuery(TraceCodeService.CHAIN_CYPHER)
                            .withParameters(Map.of("paths", List.of(pick(paths, random)))).execute()));
            results.add(ClosedLoop.run("HTTP floor: static robots.txt", users, warmup, measured,
                    random -> expect200(http, base + "/robots.txt", "text/plain")));
            results.add(ClosedLoop.run("Scan page (HTML) of a random unit", users, warmup, measured,
                    random -> expect200(http, base + pick(paths, random), "text/html")));
            results.add(ClosedLoop.run("Linkset of a random unit", users, warmup, measured,
                    random -> expect200(http, base + pick(paths, random), "application/linkset+json")));
            results.add(PortVerificationScenario.run(hub, driver, http, base, users, warmup, measured));
            print(results, codes, users);
            codeImages(hub, driver, paths.getFirst());
        }
    }

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
        LabelSheetService sheets = hub.getBean(LabelSheetService.class);
        LabelSheetRenderer renderer = hub.getBean(LabelSheetRenderer.class);
        for (int round = 1; round <= 3; round++) {
            long started = System.nanoTime();
            LabelSheet sheet = sheets.labelSheet(link.gtin(), link.lot(), 0, 1000, "https://id.example.com");
            long read = System.nanoTime();
            OutputStream sink = OutputStream.nullOutputStream();
            renderer.render(sheet, sink);
            long done = System.nanoTime();
            System.out.printf("Label sheet, %d labels: %.2f s (read and sign %.2f s, render %.2f s)%n",
                    sheet.labels().size(), (done - started) / 1e9, (read - started) / 1e9, (done - read) / 1e9);
        }
    }

    private static void expect200(HttpClient http, String uri, String accept) throws Exception {
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
        return driver.executableQuery("MATCH (c:TraceCode) WHERE rand() < $fraction RETURN c.path AS path LIMIT $size")
                .withParameters(Map.of("fraction", fraction, "size", size)).execute().records().stream()
                .map(r -> r.get("path").asString()).toList();
    }

    private static String pick(List<String> paths, java.util.concurrent.ThreadLocalRandom random) {
        return paths.get(random.nextInt(paths.size()));
    }

    private static void print(List<Stats> results, long codes, int users) {
        Stats cypherFloor = results.get(0);
        Stats httpFloor = results.get(1);
        System.out.printf("%n%,d unit codes, %d concurrent users, %d cores, JDK %s%n%n", codes, users,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.println("| scenario | requests | errors | p50 ms | p99 ms | requests/s | p99 vs Cypher floor | p99 vs HTTP floor |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Stats s : results) {
            System.out.printf("| %s | %,d | %d | %.2f | %.2f | %,.0f | %.2f× | %.2f× |%n", s.scenario(), s.requests(),
                    s.errors(), s.p50Millis(), s.p99Millis(), s.throughput(), s.p99Millis() / cypherFloor.p99Millis(),
                    s.p99Millis() / httpFloor.p99Millis());
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
