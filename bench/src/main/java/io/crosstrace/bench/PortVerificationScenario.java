package io.crosstrace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;

import io.crosstrace.gs1.DigitalLink;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.graphql.GlobalId;

import tools.jackson.databind.json.JsonMapper;

/**
 * The port's green lane as an inspector uses it: one signed unit code of a consignment arriving at the port,
 * verified through GraphQL with the inspector's bearer token (signature, one database read, every rule). The port
 * authority's jurisdiction and a bench inspector ({@link BenchAccounts}) are written first.
 */
final class PortVerificationScenario {

    static final String NAME = "Port verification of one code (GraphQL, inspector)";

    private static final String QUERY = """
            query($c: ID!, $codes: [String!]!) { portVerification(consignment: $c, codes: $codes) {
              verdict codes { verdict checks { check status reason } } } }""";
    private static final String INSPECTOR = "bench-inspector";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A consignment (global ID) and a signed code of a unit declared in it. */
    private record Sample(String consignment, String code) {
    }

    private final HttpClient http;
    private final String base;
    private final String token;
    private final List<Sample> samples;

    private PortVerificationScenario(HttpClient http, String base, String token, List<Sample> samples) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.samples = samples;
    }

    static Stats run(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base, int users,
                     Duration warmup, Duration measured) throws Exception {
        PortVerificationScenario scenario = prepare(hub, driver, http, base);
        return ClosedLoop.run(NAME, users, warmup, measured, scenario::send);
    }

    static PortVerificationScenario prepare(ConfigurableApplicationContext hub, Driver driver, HttpClient http,
                                                    String base) throws Exception {
        String authority = driver.executableQuery("""
                MATCH (o:Organization) WHERE 'PORT_AUTHORITY' IN o.roles
                WITH o ORDER BY o.gln LIMIT 1
                MATCH (l:Location) WHERE l.country = o.country
                MERGE (o)-[:INSPECTS_AT]->(l)
                RETURN DISTINCT o.gln AS gln""").execute().records().getFirst().get("gln").asString();
        String token = BenchAccounts.signIn(hub, driver, http, base, INSPECTOR, "INSPECTOR", authority);

        CodeSigner signer = hub.getBean(CodeSigner.class);
        long codes = driver.executableQuery("MATCH (c:TraceCode) RETURN count(c) AS n").execute().records().getFirst()
                .get("n").asLong();
        List<Sample> samples = driver.executableQuery("""
                MATCH (:Organization {gln: $authority})-[:INSPECTS_AT]->(:Location)<-[:ARRIVES_AT]-(c:Consignment)
                MATCH (c)-[:DECLARES]->(:Batch)-[:HAS_UNIT]->(t:TraceCode)
                // Drawn per row: a bare rand() in WHERE may be planned as one draw for the whole query.
                WITH c, t, rand() AS draw WHERE draw < $fraction
                RETURN c.declarationNumber AS consignment, t.path AS path LIMIT 2000""")
                .withParameters(Map.of("authority", authority, "fraction", Math.min(1.0, 2_400.0 / Math.max(1, codes))))
                .execute().records().stream()
                .map(r -> new Sample(GlobalId.of("Consignment", r.get("consignment").asString()),
                        r.get("path").asString() + "?" + CodeSigner.AI_8030 + "="
                                + signer.signature(DigitalLink.parse(r.get("path").asString()))))
                .toList();
        if (samples.isEmpty()) {
            throw new IllegalStateException("No declared unit codes arriving at the ports of " + authority + ": "
                    + driver.executableQuery("""
                            MATCH (o:Organization {gln: $authority})
                            RETURN COUNT { (o)-[:INSPECTS_AT]->() } AS ports,
                                   COUNT { (o)-[:INSPECTS_AT]->()<-[:ARRIVES_AT]-(:Consignment) } AS consignments""")
                    .withParameters(Map.of("authority", authority)).execute().records());
        }
        PortVerificationScenario scenario = new PortVerificationScenario(http, base, token, samples);
        // One request up front, so a setup problem shows its message instead of a column of errors.
        scenario.send(ThreadLocalRandom.current());
        return scenario;
    }

    void send(ThreadLocalRandom random) throws Exception {
        Sample sample = samples.get(random.nextInt(samples.size()));
        String body = JSON.writeValueAsString(Map.of("query", QUERY,
                "variables", Map.of("c", sample.consignment(), "codes", List.of(sample.code()))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("Port verification answered " + response.statusCode() + ": " + response.body());
        }
    }
}
