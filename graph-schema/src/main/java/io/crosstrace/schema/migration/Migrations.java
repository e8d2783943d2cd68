package io.crosstrace.schema.migration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The migrations shipped with this module. They are listed in {@code db/migration/index.txt} because
 * listing a classpath folder does not work the same way in an IDE, a plain jar and a nested Boot jar; a
 * test keeps the index and the folder in step.
 */
public final class Migrations {

    public static final String LOCATION = "db/migration/";

    private Migrations() {
    }

    /** Every shipped migration, in version order. */
    public static List<Migration> shipped() {
        ClassLoader loader = Migrations.class.getClassLoader();
        List<Migration> migrations = new ArrayList<>();
        for (String fileName : read(loader, LOCATION + "index.txt").split("\n")) {
            String name = fileName.strip();
            if (!name.isEmpty() && !name.startsWith("#")) {
                migrations.add(Migration.of(name, read(loader, LOCATION + name)));
            }
        }
        migrations.sort(Comparator.comparingInt(Migration::version));
        return List.copyOf(migrations);
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration resource " + resource);
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                reader.lines().forEach(line -> text.append(line).append('\n'));
                return text.toString();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
