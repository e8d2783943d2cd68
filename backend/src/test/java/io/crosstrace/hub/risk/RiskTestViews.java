package io.crosstrace.hub.risk;

import java.time.Duration;
import java.util.List;

import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** The JSON of a risk score as tests read it. */
final class RiskTestViews {

    private RiskTestViews() {
    }

    record Reason(String rule, int points, String reason, String reasonZh, List<String> evidence) {
    }

    record Score(String subject, List<String> scoredAs, int score, String level, List<Reason> reasons) {

        List<String> rules() {
            return reasons.stream().map(Reason::rule).toList();
        }
    }

    /**
     * A tester that waits longer than the default 5 s: the first use of a risk statement, or one after the planner's
     * statistics changed (tests add and remove worlds), plans it, which takes a second or two on a loaded machine.
     */
    static HttpGraphQlTester patient(HttpGraphQlTester tester) {
        return tester.mutate().webTestClient(client -> client.responseTimeout(Duration.ofSeconds(30)))
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    static final String SCORE_FIELDS = "subject scoredAs score level reasons { rule points reason reasonZh evidence }";
}
