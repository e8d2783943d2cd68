package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

import io.crosstrace.hub.DemoData;
import io.crosstrace.schema.migration.Migrations;

/**
 * The same hub against a Neo4j server in a container, where Docker exists; skipped cleanly elsewhere.
 * The container's connection details replace the embedded engine.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "crosstrace.security.demo-password=" + io.crosstrace.hub.Partners.DEMO_PASSWORD)
@AutoConfigureHttpGraphQlTester
class Neo4jContainerTest {

    @Container
    @ServiceConnection
    static Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withoutAuthentication();

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    io.crosstrace.hub.security.AuthService auth;

    @org.junit.jupiter.api.BeforeEach
    void signInAsPartner() {
        graphQl = io.crosstrace.hub.Partners.as(graphQl, auth, "admin");
    }
    @Autowired
    Driver driver;

    @Test
    void migrates_seeds_and_answers_trace_code_queries_on_a_server() {
        assertThat(DemoData.count(driver, "MATCH (m:SchemaMigration) RETURN count(m)")).isEqualTo(Migrations.shipped().size());
        String path = DemoData.shippedUnitPath(driver);
        graphQl.document("query($uri: String) { traceCode(uri: $uri) { uri producer { roles } arrivalPort { country } } }")
                .variable("uri", path).execute()
                .path("traceCode.uri").entity(String.class).isEqualTo(path)
                .path("traceCode.arrivalPort.country").entity(String.class).isEqualTo("CN");
    }
}
