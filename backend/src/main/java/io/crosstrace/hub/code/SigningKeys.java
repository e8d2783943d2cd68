package io.crosstrace.hub.code;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's code-signing keys: every {@code {kid}.key} file of one folder. All of them verify, the current
 * one signs. A folder without any key gets a freshly generated development key, so a first start works.
 */
final class SigningKeys implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    /** 1 to 3 characters: the 8030 value is {@code kid + '_' + 86 signature characters}, at most 90. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9]{1,3}");
    static final String KEY_FILE_SUFFIX = ".key";

    private final Path directory;
    private final boolean temporary;
    private final Map<String, SigningKey> byId;
    private final SigningKey current;

    private SigningKeys(Path directory, boolean temporary, Map<String, SigningKey> byId, SigningKey current) {
        this.directory = directory;
        this.temporary = temporary;
        this.byId = byId;
        this.current = current;
    }

    /** Loads the keys of a folder, creating the folder and a development key when there is none yet. */
    static SigningKeys open(Path directory, String currentKeyId) {
        return open(directory, currentKeyId, false);
    }

    /** Keys in a new temporary folder that is deleted on {@link #close()}: for throw-away hubs (tests). */
    static SigningKeys temporary(String currentKeyId) {
        try {
            return open(Files.createTempDirectory("crosstrace-keys-"), currentKeyId, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for code-signing keys", e);
        }
    }

    private static SigningKeys open(Path directory, String currentKeyId, boolean temporary) {
        requireKeyId(currentKeyId, "crosstrace.code-signing.current-key-id");
        Map<String, SigningKey> keys = read(directory);
        if (keys.isEmpty()) {
            keys.put(currentKeyId, generate(directory, currentKeyId, temporary));
        }
        SigningKey current = keys.get(currentKeyId);
        if (current == null) {
            throw new IllegalStateException("No key file " + currentKeyId + KEY_FILE_SUFFIX + " for the current code-signing key '"
                    + currentKeyId + "' in " + directory.toAbsolutePath() + " (found: " + String.join(", ", keys.keySet())
                    + "); add it or set crosstrace.code-signing.current-key-id to one of those");
        }
        log.info("Code signing: key '{}' signs; {} key(s) verify, from {}", currentKeyId, keys.size(), directory.toAbsolutePath());
        return new SigningKeys(directory, temporary, keys, current);
    }

    SigningKey current() {
        return current;
    }

    Optional<SigningKey> byId(String kid) {
        return Optional.ofNullable(byId.get(kid));
    }

    /** Every key, the current one first, then by key id. */
    List<SigningKey> all() {
        List<SigningKey> all = new ArrayList<>();
        all.add(current);
        byId.values().stream().filter(k -> k != current).forEach(all::add);
        return List.copyOf(all);
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary folder left behind holds only a throw-away key.
        }
    }

    private static Map<String, SigningKey> read(Path directory) {
        Map<String, SigningKey> keys = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(KEY_FILE_SUFFIX)).sorted().toList()) {
                String name = file.getFileName().toString();
                String kid = name.substring(0, name.length() - KEY_FILE_SUFFIX.length());
                requireKeyId(kid, "the key file " + file.toAbsolutePath());
                keys.put(kid, load(kid, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the code-signing keys in " + directory.toAbsolutePath(), e);
        }
        return keys;
    }

    private static SigningKey load(String kid, Path file) throws IOException {
        try {
            PrivateKey privateKey = Ed25519Keys.readPrivateKey(Files.readAllBytes(file));
            return new SigningKey(kid, privateKey, Ed25519Keys.publicKeyOf(privateKey));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The code-signing key " + file.toAbsolutePath() + " is unusable: " + e.getMessage(), e);
        }
    }

    private static SigningKey generate(Path directory, String kid, boolean temporary) {
        Path file = directory.resolve(kid + KEY_FILE_SUFFIX);
        KeyPair pair = Ed25519Keys.generate();
        try {
            createOwnerOnlyDirectory(directory);
            createOwnerOnlyFile(file);
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                out.write(Ed25519Keys.toPem(pair.getPrivate()).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write a code-signing key to " + file.toAbsolutePath(), e);
        }
        if (temporary) {
            log.info("Code signing: generated a throw-away key '{}' in {}", kid, directory);
        } else {
            log.warn("Code signing: generated a DEVELOPMENT key '{}' at {}. Codes signed with it are only as trustworthy as "
                    + "that file: for production put a key made on a controlled machine there instead (see docs/adr/0004), "
                    + "keep it out of version control and back it up.", kid, file.toAbsolutePath());
        }
        return new SigningKey(kid, pair.getPrivate(), pair.getPublic());
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (supportsPosix(parent)) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(directory);
        }
    }

    /** Created with owner-only permissions before any key byte is written, so the key is never readable by others. */
    private static void createOwnerOnlyFile(Path file) throws IOException {
        if (supportsPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
            var f = file.toFile();
            boolean restricted = f.setReadable(false, false) & f.setReadable(true, true)
                    & f.setWritable(false, false) & f.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not restrict the permissions of {} to its owner", file.toAbsolutePath());
            }
        }
    }

    private static boolean supportsPosix(Path directory) throws IOException {
        return directory != null && Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class);
    }

    private static void requireKeyId(String kid, String where) {
        if (kid == null || !KEY_ID.matcher(kid).matches()) {
            throw new IllegalStateException("Invalid code-signing key id '" + kid + "' (" + where
                    + "): a key id is 1 to 3 letters or digits");
        }
    }
}
