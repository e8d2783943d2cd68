package io.crosstrace.hub.risk;

import static io.crosstrace.hub.mutation.Rules.require;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.ledger.LedgerService;
import io.crosstrace.hub.mutation.MutationRejected;
import io.crosstrace.hub.mutation.Mutations;
import io.crosstrace.hub.mutation.Outcome;
import io.crosstrace.hub.mutation.Rules;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;

/**
 * The blacklist of organizations and premises. Platform administrators and port inspectors add and remove entries;
 * administrators, analysts and inspectors read it. A blacklisted party makes every score it is part of 100 (HIGH),
 * and port verification reads the same nodes to stop its consignments.
 */
@Service
public class BlacklistService {

    public record BlacklistAddInput(String organization, String premises, String reason, String idempotencyKey) {
    }

    public record BlacklistRemoveInput(String blacklisting, String note) {
    }

    static final int MAX_REASON = 1000;
    static final int MAX_NOTE = 2000;
    private static final Role[] KEEPERS = {Role.PLATFORM_ADMIN, Role.INSPECTOR};
    private static final Role[] READERS = {Role.PLATFORM_ADMIN, Role.ANALYST, Role.INSPECTOR};

    private static final String TYPE_PREFIX = Blacklisting.TYPE + ":";

    /**
     * At most one active entry per target: {@code activeTarget} ({@code Premises:{gln}} or {@code Organization:{gln}})
     * is unique (migration V0011) and removed when the entry is, so of two concurrent additions for one target the
     * second waits for the first and then finds it ({@code created} false) instead of creating a duplicate.
     */
    private static final String ADD = """
            MATCH (t:%s {gln: $gln})
            MERGE (bl:Blacklisting {activeTarget: $target})
              ON CREATE SET bl.id = $id, bl.active = true, bl.reason = $reason, bl.since = $now, bl.by = $by,
                            bl.byOrganization = $org
            WITH bl, t, bl.id = $id AS created
            FOREACH (_ IN CASE WHEN created THEN [1] ELSE [] END | CREATE (bl)-[:BLOCKS]->(t))
            RETURN created""";
    /** Writing takes the node's write lock until the transaction ends, so two removals queue up here. */
    private static final String LOCK = "MATCH (bl:Blacklisting {id: $id}) SET bl.removedAt = $now RETURN count(bl)";
    /**
     * A separate statement after the lock, so it reads what an earlier removal committed; removing an inactive entry
     * is refused, which rolls the lock's write back.
     */
    private static final String REMOVE = """
            MATCH (bl:Blacklisting {id: $id})
            WITH bl, bl.active AS wasActive
            SET bl.active = false, bl.removedBy = $by, bl.removalNote = $note
            REMOVE bl.activeTarget
            RETURN wasActive""";

    private final Neo4jClient neo4j;
    private final GraphReads graph;
    private final Mutations mutations;
    private final LedgerService ledger;
    private final Clock clock;

    BlacklistService(Neo4jClient neo4j, GraphReads graph, Mutations mutations, LedgerService ledger, Clock clock) {
        this.neo4j = neo4j;
        this.graph = graph;
        this.mutations = mutations;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Blacklists one organization (global ID) or one premises (GLN), with a reason. */
    public Outcome<Blacklisting> add(BlacklistAddInput in) {
        Actor actor = CurrentActor.require(KEEPERS);
        return mutations.create("blacklistAdd", in.idempotencyKey(), in, () -> {
            require((in.organization() == null) != (in.premises() == null), "ONE_TARGET",
                    "Name either an organization or premises", in.organization() == null ? "organization" : "premises");
            String reason = in.reason() == null ? "" : in.reason().strip();
            require(!reason.isEmpty() && reason.length() <= MAX_REASON, "REASON_REQUIRED",
                    "A reason of 1 to " + MAX_REASON + " characters is required", "reason");
            boolean organization = in.organization() != null;
            String gln = organization ? Rules.key(in.organization(), Organization.TYPE, "organization")
                    : Rules.gln(in.premises(), "premises");
            String label = organization ? "Organization" : "Premises";
            String id = UUID.randomUUID().toString();
            Map<String, Object> p = new HashMap<>();
            p.put("gln", gln);
            p.put("id", id);
            p.put("reason", reason);
            p.put("now", now());
            p.put("by", actor.subject());
            p.put("org", actor.organizationGln());
            p.put("target", label + ":" + gln);
            Boolean created = neo4j.query(ADD.formatted(label)).bindAll(p).fetchAs(Boolean.class).one()
                    .orElseThrow(() -> new MutationRejected(organization ? "ORGANIZATION_NOT_FOUND" : "PREMISES_NOT_FOUND",
                            "No such " + label.toLowerCase(Locale.ROOT), "input", organization ? "organization" : "premises"));
            require(created, "ALREADY_BLACKLISTED", label + " " + gln + " is on the blacklist already",
                    organization ? "organization" : "premises");
            // Last: the ledger entry holds the ledger's lock until commit.
            ledger.append("blacklist.add", TYPE_PREFIX + id, Map.of("target", label + ":" + gln, "reason", reason));
            return id;
        }, this::byKey);
    }

    /** Takes an entry off the blacklist (it stays, inactive, with the note). */
    public Outcome<Blacklisting> remove(BlacklistRemoveInput in) {
        Actor actor = CurrentActor.require(KEEPERS);
        return mutations.change(() -> {
            String id = Rules.key(in.blacklisting(), Blacklisting.TYPE, "blacklisting");
            String note = in.note() == null ? "" : in.note().strip();
            require(note.length() <= MAX_NOTE, "NOTE_TOO_LONG", "At most " + MAX_NOTE + " characters", "note");
            Map<String, Object> p = new HashMap<>();
            p.put("id", id);
            p.put("now", now());
            p.put("by", actor.subject());
            p.put("note", note.isEmpty() ? null : note);
            require(neo4j.query(LOCK).bindAll(p).fetchAs(Long.class).one().orElse(0L) == 1, "BLACKLISTING_NOT_FOUND",
                    "No such blacklisting", "blacklisting");
            Boolean wasActive = neo4j.query(REMOVE).bindAll(p).fetchAs(Boolean.class).one().orElseThrow();
            require(Boolean.TRUE.equals(wasActive), "NOT_ACTIVE", "This blacklisting was removed already", "blacklisting");
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("active", false);
            change.put("note", note);
            ledger.append("blacklist.remove", TYPE_PREFIX + id, change);
            return byKey(id);
        });
    }

    /** Active entries (or inactive ones, or all when {@code active} is null), newest first. */
    public List<Blacklisting> list(Boolean active) {
        CurrentActor.require(READERS);
        Map<String, Object> p = new HashMap<>();
        p.put("active", active);
        // Entries made other than through blacklistAdd may lack an id; they block all the same but cannot be named here.
        return graph.list("MATCH (bl:Blacklisting) WHERE ($active IS NULL OR bl.active = $active) AND bl.id IS NOT NULL RETURN "
                + Blacklisting.PROJECTION + " AS bl ORDER BY bl.since DESC, bl.id", p, r -> Blacklisting.from(r.get("bl")));
    }

    /** Entries by id, for those who may read the blacklist (the node lookup of global IDs). */
    public Map<String, Blacklisting> visibleByKey(Collection<String> keys) {
        if (!CurrentActor.get().hasAny(READERS)) {
            return Map.of();
        }
        return GraphReads.indexBy(graph.list("MATCH (bl:Blacklisting) WHERE bl.id IN $keys RETURN " + Blacklisting.PROJECTION + " AS bl",
                Map.of("keys", List.copyOf(keys)), r -> Blacklisting.from(r.get("bl"))), Blacklisting::key);
    }

    private Blacklisting byKey(String key) {
        return graph.one("MATCH (bl:Blacklisting {id: $id}) RETURN " + Blacklisting.PROJECTION + " AS bl", Map.of("id", key),
                r -> Blacklisting.from(r.get("bl"))).orElseThrow();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
