package io.crosstrace.hub.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The store other features call inside their own transactions, and the plans of the query statements: identifier
 * and CBV filters start from indexes.
 */
@HubIntegrationTest
class EpcisEventStoreTest {

    @Autowired
    EpcisEventStore store;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Driver driver;
    @Autowired
    CbvValues cbv;
    @Autowired
    EpcisProperties limits;
    @Autowired
    EventQueryService queries;

    private final Actor admin = Actor.user("store-test", "0000000000000", Role.PLATFORM_ADMIN);

    @Test
    void events_are_recorded_in_the_callers_transaction_and_vanish_with_its_rollback() {
        String kept = EpcisWorld.newId();
        String dropped = EpcisWorld.newId();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        List<EventReceipt> receipts = tx.execute(status -> store.record(List.of(event(kept)), null, admin, null));
        assertThat(receipts).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(EventReceipt.Status.ACCEPTED));

        tx.executeWithoutResult(status -> {
            store.record(List.of(event(dropped)), null, admin, null);
            status.setRollbackOnly();
        });
        assertThat(driver.executableQuery("MATCH (e:EpcisEvent) WHERE e.eventId IN $ids RETURN collect(e.eventId) AS ids")
                .withParameters(Map.of("ids", List.of(kept, dropped))).execute().records().getFirst().get("ids")
                .asList(v -> v.asString())).containsExactly(kept);

        assertThatThrownBy(() -> store.record(List.of(event(EpcisWorld.newId())), null, admin, null))
                .as("outside a transaction").isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void identifier_and_cbv_filters_start_from_indexes() {
        EventQuery byEpc = EventQuery.parse(Map.of("MATCH_epc", List.of("urn:epc:id:sgtin:0614141.107346.1")), cbv, limits);
        assertThat(operators(byEpc)).anyMatch(op -> op.startsWith("NodeUniqueIndexSeek") && op.contains(":Epc(uri)"));
        EventQuery byStep = EventQuery.parse(Map.of("EQ_bizStep", List.of("shipping"), "GE_eventTime",
                List.of("2026-01-01T00:00:00Z")), cbv, limits);
        assertThat(operators(byStep)).anyMatch(op -> op.startsWith("NodeIndexSeek") && op.contains(":EpcisEvent(bizStep)"));
        assertThat(operators(byStep)).noneMatch(op -> op.startsWith("NodeByLabelScan") || op.startsWith("AllNodesScan"));
    }

    @Test
    void a_broad_query_reads_the_time_index_in_order_and_answers_as_the_sorted_one_would() {
        String broadStep = "test_broad_step";
        String narrowStep = "test_narrow_step";
        driver.executableQuery("""
                UNWIND range(1, $n) AS i
                CREATE (:EpcisEvent {eventId: 'test-broad-' + i, hashId: 'test-broad-hash-' + i, type: 'ObjectEvent',
                        eventTime: datetime('2026-03-01T00:00:00Z') + duration({seconds: i % 997}),
                        recordTime: datetime(), bizStep: CASE WHEN i <= 3 THEN $narrow ELSE $broad END,
                        readPoint: $readPoints[i % 4], json: '{}'})""")
                .withParameters(Map.of("n", EventQueryService.BROAD + 3, "broad", cbv.bizStep(broadStep),
                        "narrow", cbv.bizStep(narrowStep), "readPoints", java.util.stream.IntStream.range(0, 4)
                                .mapToObj(i -> EpcisIdentifiers.canonical("urn:test:rp:" + i)).toList())).execute();
        try {
            EventQuery broad = EventQuery.parse(Map.of("EQ_bizStep", List.of(broadStep), "EQ_readPoint", List.of("urn:test:rp:1"),
                    "orderBy", List.of("eventTime"), "orderDirection", List.of("DESC"), "perPage", List.of("50")), cbv, limits);
            EventQuery narrow = EventQuery.parse(Map.of("EQ_bizStep", List.of(narrowStep)), cbv, limits);
            assertThat(queries.plan(broad)).isEqualTo(EventQueryService.Plan.ALONG_TIME);
            assertThat(queries.plan(narrow)).isEqualTo(EventQueryService.Plan.FILTER_THEN_SORT);
            assertThat(queries.plan(EventQuery.parse(Map.of(), cbv, limits))).as("no filter").isEqualTo(EventQueryService.Plan.ALONG_TIME);

            List<String> alongTime = operators(broad, EventQueryService.Plan.ALONG_TIME);
            assertThat(alongTime).anyMatch(op -> op.startsWith("NodeIndexScan") && op.contains(":EpcisEvent(eventTime)"));
            assertThat(alongTime).as("stops at the page's end instead of sorting every match")
                    .noneMatch(op -> op.startsWith("Sort ") || op.startsWith("Top "));
            assertThat(page(broad, EventQueryService.Plan.ALONG_TIME))
                    .as("the same page, in the same order, as sorting every match")
                    .hasSize(51).isEqualTo(page(broad, EventQueryService.Plan.FILTER_THEN_SORT));
        } finally {
            driver.executableQuery("MATCH (e:EpcisEvent) WHERE e.eventId STARTS WITH 'test-broad-' DETACH DELETE e").execute();
        }
    }

    private List<String> page(EventQuery query, EventQueryService.Plan plan) {
        EventQueryService.Statement statement = EventQueryService.statement(query, admin, plan);
        return driver.executableQuery(statement.cypher()).withParameters(statement.parameters()).execute().records()
                .stream().map(r -> r.get("eventId").asString()).toList();
    }

    private List<String> operators(EventQuery query) {
        return operators(query, EventQueryService.Plan.FILTER_THEN_SORT);
    }

    private List<String> operators(EventQuery query, EventQueryService.Plan strategy) {
        EventQueryService.Statement statement = EventQueryService.statement(query, admin, strategy);
        var summary = driver.executableQuery("EXPLAIN " + statement.cypher()).withParameters(statement.parameters())
                .execute().summary();
        Plan plan = summary.plan();
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType() + " " + plan.arguments().get("Details"));
        plan.children().forEach(child -> collect(child, operators));
    }

    private static JsonNode event(String id) {
        return EpcisClient.JSON.readTree(EpcisWorld.objectEvent(id, "2026-05-01T00:00:00Z",
                List.of("urn:epc:id:sgtin:0614141.107346.99"), "receiving", "urn:epc:id:sgln:0614141.00001.0", "")
                .replace("\"ex:run\"", "\"https://example.com/ex/run\""));
    }
}
