package io.crosstrace.hub.graphdb;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Read-your-writes across hub instances: the signed {@code CrossTrace-Bookmark} header.
 *
 * @param ttl            how long after a write its header is honoured; an older one is ignored, since every secondary
 *                       has applied the write by then
 * @param secret         the HMAC-SHA256 secret every instance of a deployment shares, at least 32 characters, from the
 *                       secret store through the environment ({@code CROSSTRACE_BOOKMARKS_SECRET}); wins over the file
 * @param previousSecret a secret being rotated out: headers signed with it still verify until it is removed (one
 *                       {@code ttl} after every instance signs with the new one)
 * @param secretFile     the file holding the secret when none is configured. Unset: {@code keys/bookmarks/secret}
 *                       under the data folder, generated on first start, or memory only for an ephemeral store
 *                       (tests). Instances behind one load balancer must share the secret
 */
@ConfigurationProperties("crosstrace.bookmarks")
record BookmarkProperties(
        @DefaultValue("5m") Duration ttl,
        String secret,
        String previousSecret,
        Path secretFile) {
}
