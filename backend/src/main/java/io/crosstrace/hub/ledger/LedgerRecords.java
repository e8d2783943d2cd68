package io.crosstrace.hub.ledger;

import java.time.ZoneOffset;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;

/** How entries and checkpoints are read from the graph, the same for the hub and the command-line check. */
final class LedgerRecords {

    /** Returns an entry {@code e} as a map, for {@link #entry}. */
    static final String ENTRY = "e{.seq, .prevHash, .hash, .at, .actor, .actorKind, .organization, .action, .target, .changeDigest}";
    /** Returns a checkpoint {@code c} as a map, for {@link #checkpoint}. */
    static final String CHECKPOINT = "c{.number, .fromSeq, .toSeq, .root, .prevRoot, .at}";

    private LedgerRecords() {
    }

    /**
     * @throws org.neo4j.driver.exceptions.value.ValueException when a property has the wrong type, which only
     *                                                          tampering causes
     */
    static LedgerEntry entry(MapAccessor m) {
        return new LedgerEntry(m.get("seq").asLong(), text(m.get("prevHash")), text(m.get("hash")),
                m.get("at").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC),
                text(m.get("actor")), text(m.get("actorKind")), text(m.get("organization")), text(m.get("action")),
                text(m.get("target")), text(m.get("changeDigest")));
    }

    static LedgerCheckpoint checkpoint(MapAccessor m) {
        return new LedgerCheckpoint(m.get("number").asLong(), m.get("fromSeq").asLong(), m.get("toSeq").asLong(),
                text(m.get("root")), text(m.get("prevRoot")),
                m.get("at").asZonedDateTime().toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String text(Value value) {
        return value.isNull() ? null : value.asString();
    }
}
