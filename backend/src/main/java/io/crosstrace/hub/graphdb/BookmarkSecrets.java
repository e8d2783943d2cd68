package io.crosstrace.hub.graphdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the secret of the bookmark header comes from, as with the token-signing keys: configuration first (a secret
 * store), else a file in the data folder, generated on first start; a throw-away store gets a throw-away secret.
 */
final class BookmarkSecrets {

    static final String DEFAULT_FILE = "keys/bookmarks/secret";
    static final int MIN_LENGTH = 32;

    private static final Logger log = LoggerFactory.getLogger(BookmarkSecrets.class);

    private BookmarkSecrets() {
    }

    /** The secrets: the one that signs first, then the one being rotated out, if any. */
    static List<byte[]> resolve(BookmarkProperties settings, CrossTraceProperties hub) {
        List<byte[]> secrets = new ArrayList<>();
        if (present(settings.secret())) {
            secrets.add(checked(settings.secret(), "crosstrace.bookmarks.secret"));
        } else if (settings.secretFile() != null) {
            secrets.add(fromFile(settings.secretFile()));
        } else if (hub.embedded() != null && hub.embedded().ephemeral()) {
            secrets.add(generate().getBytes(StandardCharsets.US_ASCII));
        } else {
            secrets.add(fromFile(hub.dataDir().resolve(DEFAULT_FILE)));
        }
        if (present(settings.previousSecret())) {
            secrets.add(checked(settings.previousSecret(), "crosstrace.bookmarks.previous-secret"));
        }
        return secrets;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return checked(Files.readString(file, StandardCharsets.UTF_8).strip(), "the bookmark secret in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the bookmark secret " + file.toAbsolutePath(), e);
        }
    }

    /** Written beside and then moved in place, so that an instance starting at the same time never reads half of it. */
    private static void create(Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean posix = Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class);
        Path draft = posix
                ? Files.createTempFile(folder, ".secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(folder, ".secret", ".tmp");
        try {
            Files.writeString(draft, generate(), StandardCharsets.US_ASCII);
            Files.move(draft, file);
            log.warn("Bookmark header: generated a secret in {}. Instances behind one load balancer must share it: "
                    + "give each the same crosstrace.bookmarks.secret from the secret store, or the same file.",
                    file.toAbsolutePath());
        } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
            // Its secret is the one to share.
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static byte[] checked(String secret, String what) {
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_LENGTH) {
            throw new IllegalStateException(what + " is too short: at least " + MIN_LENGTH + " characters (e.g. "
                    + "openssl rand -base64 32)");
        }
        return bytes;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
