package io.crosstrace.hub.graphdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bookmark secret: configured, else shared through a file in the data folder; never a weak one. */
class BookmarkSecretsTest {

    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";

    @TempDir
    Path dataDir;

    @Test
    void a_configured_secret_wins_and_the_previous_one_follows_it() {
        List<byte[]> secrets = BookmarkSecrets.resolve(settings(SECRET, SECRET.toUpperCase(), null), hub(false));

        assertThat(secrets).extracting(s -> new String(s, StandardCharsets.UTF_8))
                .containsExactly(SECRET, SECRET.toUpperCase());
        assertThat(dataDir.resolve(BookmarkSecrets.DEFAULT_FILE)).doesNotExist();
    }

    @Test
    void a_short_secret_is_refused_at_start() {
        assertThatThrownBy(() -> BookmarkSecrets.resolve(settings("short", null, null), hub(false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crosstrace.bookmarks.secret")
                .hasMessageContaining("at least 32 characters");
        assertThatThrownBy(() -> BookmarkSecrets.resolve(settings(SECRET, "short", null), hub(false)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("crosstrace.bookmarks.previous-secret");
    }

    @Test
    void without_one_the_data_folder_gets_a_secret_readable_by_its_owner_only_and_every_start_reuses_it() throws Exception {
        byte[] first = BookmarkSecrets.resolve(settings(null, null, null), hub(false)).getFirst();
        byte[] again = BookmarkSecrets.resolve(settings(null, null, null), hub(false)).getFirst();

        Path file = dataDir.resolve(BookmarkSecrets.DEFAULT_FILE);
        assertThat(again).isEqualTo(first);
        assertThat(first.length).isGreaterThanOrEqualTo(BookmarkSecrets.MIN_LENGTH);
        assertThat(Files.readString(file).strip().getBytes(StandardCharsets.UTF_8)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).as("no draft left beside it").containsExactly(file);
        }
    }

    @Test
    void a_named_file_is_read_as_it_is() throws Exception {
        Path file = dataDir.resolve("shared/bookmark-secret");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SECRET + "\n");

        assertThat(BookmarkSecrets.resolve(settings(null, null, file), hub(false)).getFirst())
                .isEqualTo(SECRET.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_throw_away_store_gets_a_throw_away_secret() {
        byte[] one = BookmarkSecrets.resolve(settings(null, null, null), hub(true)).getFirst();
        byte[] other = BookmarkSecrets.resolve(settings(null, null, null), hub(true)).getFirst();

        assertThat(one).isNotEqualTo(other);
        assertThat(dataDir.resolve("keys")).doesNotExist();
    }

    private static BookmarkProperties settings(String secret, String previous, Path file) {
        return new BookmarkProperties(Duration.ofMinutes(5), secret, previous, file);
    }

    private CrossTraceProperties hub(boolean ephemeral) {
        return new CrossTraceProperties(dataDir, false, new CrossTraceProperties.Embedded(0, "64m", ephemeral));
    }
}
