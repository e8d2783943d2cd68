package io.crosstrace.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's GraphQL page: an importer reads 100 of its consignments, each with its shipment, the batches declared and
 * their certificates, next to its floor, one raw Cypher statement through the driver reading the same graph.
 */
final class ConsignmentPageScenario {

    private static final String QUERY = """
            { consignments(first: 100) { totalCount edges { node {
                declarationNumber status declaredOn releasedOn arrivalPort { name }
                shipment { number container vessel departedOn arrivedOn carrier { name } }
                declaredItems { quantity productionDate expiryDate batch {
                  gtin lot productionDate expiryDate certificates { number kind status validUntil issuer { name } } } }
            } } } }""";

    /** What the page reads, as one statement: the importer's newest 100 declarations and what hangs off them. */
    private static final String FLOOR = """
            MATCH (:Organization {gln: $importer})-[:IMPORTS]->(c:Consignment)
            WITH c ORDER BY c.declaredOn DESC, c.declarationNumber DESC LIMIT 100
            OPTIONAL MATCH (c)-[:ARRIVES_AT]->(port:Location)
            OPTIONAL MATCH (c)-[:SHIPPED_AS]->(s:Shipment)
            RETURN c{.*} AS consignment, port.name AS port, s{.*} AS shipment,
                   [(s)<-[:SHIPS]-(carrier) | carrier.name][0] AS carrier,
                   [(c)-[d:DECLARES]->(b:Batch) | {quantity: d.quantity, batch: b{.*},
                     certificates: [(b)<-[:CERTIFIES]-(cert:Certificate) | cert{.number, .kind, .status, .validUntil,
                       issuer: [(cert)<-[:ISSUED]-(i) | i.name][0]}]}] AS items""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConsignmentPageScenario() {
    }

    static List<Stats> run(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base, int users,
            Duration warmup, Duration measured) throws Exception {
        String importer = busiestImporter(driver);
        ClosedLoop.Request page = prepare(hub, driver, http, base, importer);
        Stats floor = ClosedLoop.run("Cypher floor: 100 consignments with shipments, batches, certificates", users, warmup,
                measured, random -> driver.executableQuery(FLOOR).withParameters(Map.of("importer", importer)).execute());
        Stats graphql = ClosedLoop.run("GraphQL page: 100 consignments with shipments, batches, certificates (importer)",
                users, warmup, measured, page).against(floor);
        return List.of(floor, graphql);
    }

    /** Signs a bench importer in and returns the page request, after checking once that it answers. */
    static ClosedLoop.Request prepare(ConfigurableApplicationContext hub, Driver driver, HttpClient http, String base,
            String importer) throws Exception {
        String token = BenchAccounts.signIn(hub, driver, http, base, "bench-importer", "IMPORTER", importer);
        String body = JSON.writeValueAsString(Map.of("query", QUERY));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        System.out.printf("GraphQL page: %d consignments of importer %s%n", send(http, request), importer);
        return random -> send(http, request);
    }

    static String busiestImporter(Driver driver) {
        return driver.executableQuery("""
                MATCH (o:Organization)-[:IMPORTS]->(c:Consignment) WHERE 'IMPORTER' IN o.roles
                RETURN o.gln AS gln, count(c) AS n ORDER BY n DESC, gln LIMIT 1""")
                .execute().records().getFirst().get("gln").asString();
    }

    private static int send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
            throw new IllegalStateException("The consignments page answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return JSON.readTree(response.body()).path("data").path("consignments").path("edges").size();
    }
}
