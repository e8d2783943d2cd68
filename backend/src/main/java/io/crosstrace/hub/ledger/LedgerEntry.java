package io.crosstrace.hub.ledger;

import java.time.OffsetDateTime;

/**
 * One recorded change, as stored: who ({@code actor}, {@code actorKind}, {@code organization}), did what
 * ({@code action}) to what ({@code target}), the digest of the change itself, when, and the hashes that chain
 * it to the entry before.
 *
 * @param seq          1, 2, 3, ... without gaps
 * @param prevHash     the previous entry's {@code hash}; 64 zeros for the first entry
 * @param hash         SHA-256 (hex) of the canonical encoding of all other fields
 * @param at           when it was appended (UTC, milliseconds)
 * @param actor        the subject of the caller; {@code "anonymous"} for anonymous callers
 * @param actorKind    {@code USER}, {@code CLIENT} or {@code ANONYMOUS}
 * @param organization the GLN the caller acted for; null when anonymous
 * @param action       what was done, e.g. {@code issueCodes}
 * @param target       what it was done to, e.g. a batch's business key; may be null
 * @param changeDigest SHA-256 (hex) of the canonical JSON of the change
 */
public record LedgerEntry(long seq, String prevHash, String hash, OffsetDateTime at, String actor, String actorKind,
        String organization, String action, String target, String changeDigest) {
}
