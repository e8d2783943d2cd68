package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Bookmark;

/** The bookmark header is honoured only as this deployment wrote it, and only until it expires. */
class BookmarkHeaderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");
    private static final byte[] SECRET = "a-secret-of-at-least-thirty-two-characters".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "another-secret-of-at-least-thirty-two-chars".getBytes(StandardCharsets.UTF_8);
    private static final Bookmark FIRST = Bookmark.from("FB:kcwQhRyDJUflTMGlNT8WQrZZmBOQ");
    private static final Bookmark SECOND = Bookmark.from("FB:kcwQhRyDJUflTMGlNT8WQrZZmBOR");

    private final BookmarkHeader header = header(List.of(SECRET), NOW);

    @Test
    void a_header_we_wrote_gives_back_its_bookmarks() {
        String written = header.write(List.of(FIRST, SECOND));

        assertThat(written).startsWith("v1." + NOW.plus(Duration.ofMinutes(5)).getEpochSecond() + ".")
                .matches("[A-Za-z0-9._-]+");
        assertThat(header.read(written)).containsExactlyInAnyOrder(FIRST, SECOND);
    }

    @Test
    void an_instance_with_the_same_secret_reads_it() {
        BookmarkHeader otherInstance = header(List.of(SECRET), NOW.plusSeconds(30));

        assertThat(otherInstance.read(header.write(List.of(FIRST)))).containsExactly(FIRST);
    }

    @Test
    void a_changed_bookmark_is_refused() {
        String[] parts = header.write(List.of(FIRST)).split("\\.");
        parts[2] = encode("FB:somebody-elses-bookmark");

        assertThatThrownBy(() -> header.read(String.join(".", parts)))
                .isInstanceOf(InvalidBookmarkHeaderException.class).hasMessageContaining("signature")
                .hasMessageContaining("does not verify");
    }

    @Test
    void a_later_expiry_is_refused() {
        String[] parts = header.write(List.of(FIRST)).split("\\.");
        parts[1] = String.valueOf(Long.parseLong(parts[1]) + 3600);

        assertThatThrownBy(() -> header.read(String.join(".", parts)))
                .isInstanceOf(InvalidBookmarkHeaderException.class).hasMessageContaining("signature");
    }

    @Test
    void a_changed_signature_is_refused() {
        String written = header.write(List.of(FIRST));
        String[] parts = written.split("\\.");
        byte[] signature = Base64.getUrlDecoder().decode(parts[3]);
        signature[0] ^= 1;
        parts[3] = Base64.getUrlEncoder().withoutPadding().encodeToString(signature);

        assertThatThrownBy(() -> header.read(String.join(".", parts)))
                .isInstanceOf(InvalidBookmarkHeaderException.class).hasMessageContaining("signature");
    }

    @Test
    void a_dropped_bookmark_is_refused() {
        String[] parts = header.write(List.of(FIRST, SECOND)).split("\\.");

        assertThatThrownBy(() -> header.read(String.join(".", parts[0], parts[1], parts[2], parts[4])))
                .isInstanceOf(InvalidBookmarkHeaderException.class).hasMessageContaining("signature");
    }

    @Test
    void a_header_of_another_deployment_is_refused() {
        String foreign = header(List.of(OTHER), NOW).write(List.of(FIRST));

        assertThatThrownBy(() -> header.read(foreign))
                .isInstanceOf(InvalidBookmarkHeaderException.class).hasMessageContaining("another deployment");
    }

    @Test
    void a_header_signed_with_the_secret_being_rotated_out_still_verifies() {
        String beforeRotation = header(List.of(OTHER), NOW).write(List.of(FIRST));
        BookmarkHeader rotated = header(List.of(SECRET, OTHER), NOW);

        assertThat(rotated.read(beforeRotation)).containsExactly(FIRST);
        String afterRotation = rotated.write(List.of(SECOND));
        assertThat(header.read(afterRotation)).as("the new secret signs").containsExactly(SECOND);
        assertThatThrownBy(() -> header(List.of(OTHER), NOW).read(afterRotation))
                .isInstanceOf(InvalidBookmarkHeaderException.class);
    }

    @Test
    void an_expired_header_is_ignored() {
        String written = header.write(List.of(FIRST));

        assertThat(header(List.of(SECRET), NOW.plus(Duration.ofMinutes(5)).minusSeconds(1)).read(written))
                .containsExactly(FIRST);
        assertThat(header(List.of(SECRET), NOW.plus(Duration.ofMinutes(5))).read(written)).isEmpty();
    }

    @Test
    void text_that_is_not_a_bookmark_header_is_refused_with_what_to_send() {
        for (String text : List.of("FB:kcwQhRyDJUflTMGlNT8WQrZZmBOQ", "v1.123.abc", "v2.1.YQ.YQ", "v1.soon.YQ.YQ",
                "v1.1.not*base64.YQ", "v1.1..YQ", "v1.1.YQ.%%", "v1.99999999999999999999.YQ.YQ")) {
            assertThatThrownBy(() -> header.read(text)).as(text)
                    .isInstanceOf(InvalidBookmarkHeaderException.class)
                    .hasMessageContaining("send back the value of a response's CrossTrace-Bookmark header unchanged");
        }
    }

    @Test
    void a_header_needs_a_bookmark_a_secret_and_a_positive_ttl() {
        assertThatThrownBy(() -> header.write(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookmarkHeader(List.of(), Duration.ofMinutes(5), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BookmarkHeader(List.of(SECRET), Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crosstrace.bookmarks.ttl");
    }

    private static BookmarkHeader header(List<byte[]> secrets, Instant now) {
        return new BookmarkHeader(secrets, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
