package io.crosstrace.hub.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.certificate.CertificateSignatures;
import io.crosstrace.hub.code.CodeSigner;
import io.crosstrace.hub.explore.DashboardService;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The consignment keeps its latest verdict: recorded by a verification that acts on it and by a decision taken on
 * sampled codes, never by the repeatable {@code portVerification} read; shown to inspectors of its port only.
 */
@HubIntegrationTest
class PortVerdictRecordsTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    CodeSigner signer;
    @Autowired
    CertificateSignatures signatures;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    PortVerdictRecords records;
    @Autowired
    PortVerificationService verification;
    @Autowired
    ConsignmentDecisionService decisions;
    @Autowired
    DashboardService dashboards;

    private GreenLaneFixture chain;
    private Actor inspector;

    @BeforeEach
    void anArrivedConsignment() {
        chain = GreenLaneFixture.create(neo4j, signer, signatures, transactions);
        String gln = neo4j.query("MATCH (:User {username: 'inspector'})-[:MEMBER_OF]->(o:Organization) RETURN o.gln")
                .fetchAs(String.class).one().orElseThrow();
        inspector = Actor.user("inspector", gln, Role.INSPECTOR);
    }

    @AfterEach
    void removeIt() {
        chain.delete();
    }

    @Test
    void a_consignment_not_verified_yet_has_no_recorded_verdict_and_the_plain_read_records_none() {
        CurrentActor.callAs(inspector, () -> verification.verify(chain.consignment, List.of(chain.signedUri(0))));

        assertThat(CurrentActor.callAs(inspector, () -> records.latest(List.of(chain.consignment)))).isEmpty();
    }

    @Test
    void the_dashboard_counts_consignments_by_their_recorded_verdict() {
        Actor admin = Actor.user("admin", GreenLaneFixture.gln(), Role.PLATFORM_ADMIN);
        Map<String, Long> before = verdictCounts(admin);

        PortVerification result = CurrentActor.callAs(inspector,
                () -> records.verifyAndRecord(chain.consignment, List.of(chain.signedUri(0))));

        Map<String, Long> after = verdictCounts(admin);
        String verdict = result.verdict().name();
        assertThat(after.getOrDefault(verdict, 0L)).isEqualTo(before.getOrDefault(verdict, 0L) + 1);
        assertThat(after.get("NOT_VERIFIED")).isEqualTo(before.get("NOT_VERIFIED") - 1);
    }

    private Map<String, Long> verdictCounts(Actor actor) {
        return CurrentActor.callAs(actor, () -> dashboards.consignmentsByVerdict()).stream()
                .collect(java.util.stream.Collectors.toMap(DashboardService.Count::label, DashboardService.Count::value));
    }

    @Test
    void verifying_records_the_sample_verdict_and_the_latest_one_wins() {
        PortVerification green = CurrentActor.callAs(inspector,
                () -> records.verifyAndRecord(chain.consignment, List.of(chain.signedUri(0), chain.signedUri(1))));
        RecordedVerdict first = CurrentActor.callAs(inspector, () -> records.latest(List.of(chain.consignment)))
                .get(chain.consignment);
        assertThat(first.verdict()).isEqualTo(green.verdict());
        assertThat(first.codes()).isEqualTo(2);
        assertThat(first.verifiedAt()).isAtSameInstantAs(green.verifiedAt());

        chain.run("MATCH (c:Certificate {number: $certificate}) SET c.status = 'REVOKED'");
        CurrentActor.callAs(inspector, () -> records.verifyAndRecord(chain.consignment, List.of(chain.signedUri(0))));

        RecordedVerdict latest = CurrentActor.callAs(inspector, () -> records.latest(List.of(chain.consignment)))
                .get(chain.consignment);
        assertThat(latest.verdict()).isEqualTo(PortVerdict.RED);
        assertThat(latest.codes()).isEqualTo(1);
    }

    @Test
    void a_decision_on_sampled_codes_records_the_verdict_it_was_taken_on() {
        chain.run("MATCH (c:Certificate {number: $certificate}) SET c.status = 'REVOKED'");

        CurrentActor.callAs(inspector, () -> decisions.decide(new ConsignmentDecisionService.DecideInput(
                chain.consignmentId(), "HOLD", "certificate revoked", List.of(chain.signedUri(0)), null)));

        assertThat(neo4j.query("MATCH (c:Consignment {declarationNumber: $n}) RETURN c.portVerdict")
                .bindAll(Map.of("n", chain.consignment)).fetchAs(String.class).one()).hasValue("RED");
    }

    @Test
    void only_inspectors_of_the_arrival_port_and_administrators_read_recorded_verdicts() {
        CurrentActor.callAs(inspector, () -> records.verifyAndRecord(chain.consignment, List.of(chain.signedUri(0))));

        assertThat(CurrentActor.callAs(Actor.user("elsewhere", GreenLaneFixture.gln(), Role.INSPECTOR),
                () -> records.latest(List.of(chain.consignment)))).isEmpty();
        assertThat(CurrentActor.callAs(Actor.user("root", GreenLaneFixture.gln(), Role.PLATFORM_ADMIN),
                () -> records.latest(List.of(chain.consignment)))).containsKey(chain.consignment);
        assertThatThrownBy(() -> CurrentActor.callAs(Actor.user("imp", chain.importer, Role.IMPORTER),
                () -> records.latest(List.of(chain.consignment)))).isInstanceOf(AccessDeniedException.class);
    }
}
