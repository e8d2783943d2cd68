package io.crosstrace.hub.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphdb.RetryingTransactionTemplate;

/** Units of work of the hub meet a real transient error, a deadlock Neo4j detects, and are run again. */
@HubIntegrationTest
class TransientErrorRetryTest {

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Neo4jClient neo4j;

    @Autowired
    Driver driver;

    @Test
    void a_unit_of_work_that_lost_a_deadlock_runs_again_and_both_units_complete_once() throws Exception {
        driver.executableQuery("MERGE (a:RetryProbe {name: 'a'}) SET a.writes = 0 MERGE (b:RetryProbe {name: 'b'}) SET b.writes = 0")
                .execute();
        RetryingTransactionTemplate transactions = new RetryingTransactionTemplate(transactionManager);
        CyclicBarrier bothHoldTheirFirstLock = new CyclicBarrier(2);
        AtomicInteger runs = new AtomicInteger();

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> ab = threads.submit(() -> lockInOrder(transactions, "a", "b", bothHoldTheirFirstLock, runs));
            Future<?> ba = threads.submit(() -> lockInOrder(transactions, "b", "a", bothHoldTheirFirstLock, runs));
            ab.get(1, TimeUnit.MINUTES);
            ba.get(1, TimeUnit.MINUTES);
        }

        assertThat(runs.get()).as("two units, one of them run again after the deadlock").isEqualTo(3);
        assertThat(driver.executableQuery("MATCH (p:RetryProbe) RETURN p.name AS name, p.writes AS writes").execute()
                .records().stream().map(r -> Map.entry(r.get("name").asString(), r.get("writes").asLong())))
                .as("the rolled-back run left nothing behind").containsExactlyInAnyOrder(Map.entry("a", 2L), Map.entry("b", 2L));
        driver.executableQuery("MATCH (p:RetryProbe) DELETE p").execute();
    }

    private void lockInOrder(RetryingTransactionTemplate transactions, String first, String second,
            CyclicBarrier bothHoldTheirFirstLock, AtomicInteger runs) {
        transactions.executeWithoutResult(status -> {
            boolean firstRun = runs.incrementAndGet() <= 2;
            write(first);
            if (firstRun) {
                try {
                    bothHoldTheirFirstLock.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            write(second);
        });
    }

    private void write(String name) {
        neo4j.query("MATCH (p:RetryProbe {name: $name}) SET p.writes = p.writes + 1").bind(name).to("name").run();
    }
}
