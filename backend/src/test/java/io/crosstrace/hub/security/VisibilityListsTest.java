package io.crosstrace.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.HubIntegrationTest;

/**
 * The lists start from the caller's organization ({@link Visibility#batches}, {@link Visibility#shipments},
 * {@link Visibility#inspections}, {@link Visibility#consignments}) while single reads test one node against the
 * predicates ({@link Visibility#batch} and the others). Both must keep exactly the same nodes: checked here for every
 * organization of the seeded world, with each partner role alone and with the roles it really has.
 */
@HubIntegrationTest
class VisibilityListsTest {

    private static final Set<Role> PARTNER_ROLES = EnumSet.of(Role.PRODUCER, Role.EXPORTER, Role.AUDITOR,
            Role.INSPECTOR, Role.IMPORTER, Role.LOGISTICS);

    /** A list's subquery and the predicate of the same rules, over one label. */
    private record Rules(String label, String variable, Function<Actor, String> list, Function<String, String> predicate,
            String key) {
    }

    private static final List<Rules> RULES = List.of(
            new Rules("Batch", "b", Visibility::batches, Visibility::batch, "b.gtin + '/' + b.lot"),
            new Rules("Shipment", "s", Visibility::shipments, Visibility::shipment, "s.number"),
            new Rules("Consignment", "c", Visibility::consignments, Visibility::consignment, "c.declarationNumber"),
            new Rules("Inspection", "i", Visibility::inspections, Visibility::inspection, "i.number"));

    @Autowired
    Driver driver;

    @Test
    void every_list_keeps_exactly_what_the_single_read_rules_allow_for_every_organization_and_role() {
        List<Actor> actors = new ArrayList<>();
        for (var org : driver.executableQuery("MATCH (o:Organization) RETURN o.gln AS gln, o.roles AS roles")
                .execute().records()) {
            String gln = org.get("gln").asString();
            for (Role role : PARTNER_ROLES) {
                actors.add(Actor.user("one-role", gln, role));
            }
            // An organization's roles in the registry include kinds that are no user role (a port authority).
            Role[] own = PARTNER_ROLES.stream().filter(role -> org.get("roles").asList(Value::asString)
                    .contains(role.name())).toArray(Role[]::new);
            actors.add(Actor.user("own-roles", gln, own));
        }
        int nonEmpty = 0;
        for (Rules rules : RULES) {
            for (Actor actor : actors) {
                Set<String> listed = keys(rules.list().apply(actor) + "RETURN " + rules.key() + " AS key", actor);
                Set<String> allowed = keys("MATCH (%s:%s) WHERE %s RETURN %s AS key".formatted(rules.variable(),
                        rules.label(), rules.predicate().apply(rules.variable()), rules.key()), actor);
                assertThat(listed).as("%s of %s %s", rules.label(), actor.organizationGln(), actor.roles())
                        .isEqualTo(allowed);
                nonEmpty += listed.isEmpty() ? 0 : 1;
            }
        }
        // The comparison means something only if many callers do see something.
        assertThat(nonEmpty).isGreaterThan(RULES.size() * 3);
    }

    @Test
    void a_partners_lists_are_read_from_its_organization_and_an_analysts_from_the_label() {
        String gln = driver.executableQuery("MATCH (o:Organization) RETURN o.gln AS gln ORDER BY gln LIMIT 1").execute()
                .records().getFirst().get("gln").asString();
        for (Rules rules : RULES) {
            for (Role role : PARTNER_ROLES) {
                assertThat(plan(rules, Actor.user("p", gln, role))).as("%s for %s", rules.label(), role)
                        .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
            }
            assertThat(plan(rules, Actor.user("p", gln, PARTNER_ROLES.toArray(Role[]::new)))).as(rules.label())
                    .noneMatch(o -> o.startsWith("NodeByLabelScan") || o.startsWith("AllNodesScan"));
            assertThat(plan(rules, Actor.user("a", gln, Role.ANALYST))).as(rules.label())
                    .anyMatch(o -> o.startsWith("NodeByLabelScan"));
        }
    }

    private Set<String> keys(String cypher, Actor actor) {
        return new HashSet<>(driver.executableQuery(cypher).withParameters(Visibility.parameters(actor)).execute()
                .records().stream().map(r -> r.get("key").asString()).toList());
    }

    private List<String> plan(Rules rules, Actor actor) {
        Plan plan = driver.executableQuery("EXPLAIN " + rules.list().apply(actor) + "RETURN count(*)")
                .withParameters(Visibility.parameters(actor)).execute().summary().plan();
        List<String> operators = new ArrayList<>();
        collect(plan, operators);
        return operators;
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }
}
