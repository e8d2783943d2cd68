package io.crosstrace.hub.security;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens this hub has verified, with the actor each names, until they expire. A partner's client sends the
 * same token with every request for its whole life; verifying its ES256 signature again each time cost about a tenth
 * of a GraphQL request's CPU. An entry is used only inside the window the parser itself would accept (not before
 * {@code nbf}, not after {@code exp}, both widened by the clock skew), so a token expires exactly as it would without
 * this cache. Only successful verifications are kept; the key set is fixed for the hub's life, so a kept token's key
 * is still one this hub trusts. Bounded: past {@link #MAX_ENTRIES} the expired entries go, and if that is not enough,
 * all of them (they are verified again on their next use).
 */
final class VerifiedTokens {

    static final int MAX_ENTRIES = 10_000;

    private record Entry(Actor actor, Instant usableFrom, Instant usableUntil) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /** The actor of a token verified before, if it is still inside its validity window at {@code now}. */
    Actor actorOf(String token, Instant now) {
        Entry entry = entries.get(token);
        if (entry == null || now.isBefore(entry.usableFrom()) || now.isAfter(entry.usableUntil())) {
            return null;
        }
        return entry.actor();
    }

    void remember(String token, Actor actor, Instant usableFrom, Instant usableUntil, Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(entry -> now.isAfter(entry.usableUntil()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(token, new Entry(actor, usableFrom, usableUntil));
    }

    int size() {
        return entries.size();
    }
}
