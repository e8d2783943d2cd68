package io.crosstrace.hub.risk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * Risk scores of consignments, batches and organizations, and the risk queue of arriving consignments.
 *
 * <p>Scores are computed on every read and never stored: holds, inspections, certificates, recalls, scans, clone
 * flags, reports and blacklistings change the inputs from many places, and a stored score would be stale the moment
 * any of them wrote without recomputing it. Reading is cheap instead: one statement gathers the facts of a whole page
 * (or of the whole queue) and the rules run in memory.
 *
 * <p>Risk is for platform administrators, analysts and port inspectors; an inspector's queue holds only consignments
 * arriving at its ports, and a subject the caller may not see has no score.
 */
@Service
@Transactional(readOnly = true)
public class RiskService {

    private static final Role[] READERS = {Role.PLATFORM_ADMIN, Role.ANALYST, Role.INSPECTOR};

    /** A consignment of the queue with its score. */
    public record QueueEntry(Consignment consignment, RiskScore risk) {
    }

    private final RiskFactsReader reader;
    private final RiskProperties properties;
    private final RiskScorer scorer;
    private final Clock clock;

    RiskService(RiskFactsReader reader, RiskProperties properties, Clock clock) {
        this.reader = reader;
        this.properties = properties;
        this.scorer = new RiskScorer(properties);
        this.clock = clock;
    }

    /** True when the caller may read risk; the GraphQL fields on partners' types answer null otherwise. */
    public static boolean mayRead(Actor actor) {
        return actor.hasAny(READERS);
    }

    /**
     * The score of a Consignment, Batch or Organization given by global ID; empty when the caller may not see it or
     * it does not exist.
     */
    public Optional<RiskScore> riskOf(String subjectId) {
        CurrentActor.require(READERS);
        GlobalId id = GlobalId.parse(subjectId);
        Map<String, RiskScore> scores = switch (id.type()) {
            case Consignment.TYPE -> consignmentScores(List.of(id.key()));
            case Batch.TYPE -> batchScores(List.of(id.key()));
            case Organization.TYPE -> organizationScores(List.of(id.key()));
            default -> throw new BadInputException("Risk is scored for a Consignment, Batch or Organization, not a " + id.type());
        };
        return Optional.ofNullable(scores.get(id.key()));
    }

    /** Scores by declaration number, in one statement; empty for callers who may not read risk. */
    public Map<String, RiskScore> consignmentScores(Collection<String> numbers) {
        if (!mayRead(CurrentActor.get()) || numbers.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime now = now();
        return scores(reader.consignments(numbers, now.toLocalDate(), properties), Consignment.TYPE, now);
    }

    /** Scores by batch key ({@code gtin/lot}), in one statement; empty for callers who may not read risk. */
    public Map<String, RiskScore> batchScores(Collection<String> keys) {
        if (!mayRead(CurrentActor.get()) || keys.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime now = now();
        return scores(reader.batches(keys, now.toLocalDate(), properties), Batch.TYPE, now);
    }

    /** Scores by GLN, in one statement: as producer and/or importer by the organization's roles. */
    public Map<String, RiskScore> organizationScores(Collection<String> glns) {
        if (!mayRead(CurrentActor.get()) || glns.isEmpty()) {
            return Map.of();
        }
        OffsetDateTime now = now();
        return scores(reader.organizations(glns, now.toLocalDate(), properties), Organization.TYPE, now);
    }

    /**
     * Arriving consignments (declared, in transit, arrived, under inspection) the caller may see, highest score
     * first, then the longest waiting (earliest declared), then by declaration number. All of them are scored in
     * one statement to order them; the arriving set is the port's working set, not its history, so this stays small.
     */
    public Connection<QueueEntry> queue(RiskLevel minLevel, PageRequest page) {
        CurrentActor.require(READERS);
        OffsetDateTime now = now();
        List<QueueEntry> ordered = reader.arrivingConsignments(now.toLocalDate(), properties).stream()
                .map(s -> new QueueEntry(s.consignment(), score(s, Consignment.TYPE, now)))
                .filter(e -> e.risk().atLeast(minLevel))
                .sorted(Comparator.comparingInt((QueueEntry e) -> e.risk().score()).reversed()
                        .thenComparing(e -> e.consignment().declaredOn(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(e -> e.consignment().declarationNumber()))
                .toList();
        int from = (int) Math.min(page.offset(), ordered.size());
        int to = (int) Math.min(ordered.size(), page.offset() + page.limitPlusOne());
        return Connection.of(ordered.subList(from, to), page, (long) ordered.size());
    }

    private Map<String, RiskScore> scores(List<RiskFactsReader.SubjectFacts> subjects, String type, OffsetDateTime now) {
        Map<String, RiskScore> scores = new LinkedHashMap<>();
        subjects.forEach(s -> scores.put(s.key(), score(s, type, now)));
        return scores;
    }

    private RiskScore score(RiskFactsReader.SubjectFacts subject, String type, OffsetDateTime now) {
        return scorer.score(GlobalId.of(type, subject.key()), subject.scoredAs(), subject.facts(), now);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
