package io.crosstrace.hub.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/** A batch's unit codes, read by key in serial order: the same rows as reading from the start, found through the index. */
@HubIntegrationTest
class BatchUnitsServiceTest {

    static final int UNITS = 2_500;
    private static final Actor ADMIN = Actor.user("admin", "0000000000000", Role.PLATFORM_ADMIN);

    @Autowired
    BatchUnitsService units;
    @Autowired
    Driver driver;

    private Gtin gtin;
    private final LotNumber lot = new LotNumber("UNITS1");

    @BeforeEach
    void aBatchWithUnits() {
        gtin = Gtin.fromDataDigits("2" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
        try (Session session = driver.session()) {
            session.run("""
                    CREATE (b:Batch {gtin: $gtin, lot: $lot, quantity: $units})
                    WITH b UNWIND range(1, $units) AS i
                    WITH b, 'S' + right('00000' + toString(i), 5) AS serial
                    CREATE (b)-[:HAS_UNIT]->(:TraceCode {gtin: $gtin, lot: $lot, serial: serial, status: 'ISSUED',
                                                         path: '/01/' + $gtin + '/10/' + $lot + '/21/' + serial})""",
                    Map.of("gtin", gtin.value(), "lot", lot.value(), "units", UNITS)).consume();
            // Another lot of the same product: its units share the index range and must not show.
            session.run("""
                    CREATE (b:Batch {gtin: $gtin, lot: 'OTHER'})-[:HAS_UNIT]->(:TraceCode {gtin: $gtin, lot: 'OTHER',
                        serial: 'S01000x', status: 'ISSUED', path: '/01/' + $gtin + '/10/OTHER/21/S01000x'})""",
                    Map.of("gtin", gtin.value())).consume();
        }
    }

    @AfterEach
    void removeIt() {
        try (Session session = driver.session()) {
            session.run("MATCH (b:Batch {gtin: $gtin}) OPTIONAL MATCH (b)-[:HAS_UNIT]->(c) DETACH DELETE b, c",
                    Map.of("gtin", gtin.value())).consume();
        }
    }

    @Test
    void pages_read_by_key_join_up_to_the_whole_batch_in_serial_order() {
        assertThat(as(() -> units.count(gtin, lot))).isEqualTo(UNITS);

        List<String> serials = new ArrayList<>();
        String after = null;
        while (true) {
            String from = after;
            List<BatchUnitsService.Unit> page = as(() -> units.units(gtin, lot, from, 0, 700));
            if (page.isEmpty()) {
                break;
            }
            page.forEach(u -> serials.add(u.serial()));
            after = page.getLast().serial();
        }
        assertThat(serials).hasSize(UNITS).isSorted().doesNotContain("S01000x");
        assertThat(serials.getFirst()).isEqualTo("S00001");
        assertThat(serials.getLast()).isEqualTo("S02500");

        // A jump: after a known serial, skipping the rows in between, lands where reading from the start does.
        assertThat(as(() -> units.units(gtin, lot, "S01000", 500, 3))).extracting(BatchUnitsService.Unit::serial)
                .containsExactly("S01501", "S01502", "S01503");
        assertThat(as(() -> units.units(gtin, lot, null, 1500, 1))).extracting(BatchUnitsService.Unit::serial)
                .containsExactly("S01501");
    }

    @Test
    void the_order_comes_from_the_index_not_from_a_sort() {
        try (Session session = driver.session()) {
            Plan plan = session.run("EXPLAIN " + BatchUnitsService.PAGE, Map.of("gtin", gtin.value(), "lot", lot.value(),
                    "after", "", "skip", 0L, "limit", 10L)).consume().plan();
            List<String> operators = new ArrayList<>();
            collect(plan, operators);
            assertThat(operators).as(plan.toString()).anyMatch(o -> o.startsWith("NodeIndexSeek") || o.startsWith("NodeUniqueIndexSeek"));
            assertThat(operators).as(plan.toString()).noneMatch(o -> o.equals("Sort") || o.equals("Top") || o.startsWith("PartialSort"));
        }
    }

    @Test
    void a_batch_the_caller_may_not_see_looks_like_none() {
        assertThatThrownBy(() -> CurrentActor.callAs(Actor.user("imp", "0000000000001", Role.IMPORTER),
                () -> units.units(gtin, lot, null, 0, 10))).isInstanceOf(NotFoundException.class);
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType().replaceAll("@.*", ""));
        plan.children().forEach(child -> collect(child, operators));
    }

    private static <T> T as(java.util.function.Supplier<T> read) {
        return CurrentActor.callAs(ADMIN, read);
    }
}
