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

    private List<String> operators(EventQuery query) {
        EventQueryService.Statement statement = EventQueryService.statement(query, admin);
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
