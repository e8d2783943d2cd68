package io.crosstrace.schema.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned Cypher migration file, {@code V0001__description.cypher}.
 *
 * @param version     the number in the file name; files are applied in this order
 * @param description the words after {@code __}, underscores read as spaces
 * @param fileName    as found, for messages
 * @param script      the file's text
 */
public record Migration(int version, String description, String fileName, String script) {

    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{1,9})__([A-Za-z0-9_]+)\\.cypher");
    private static final Pattern STATEMENT_END = Pattern.compile(";\\s*(\\n|$)");

    /** Builds a migration from its file name and text; the name must follow {@code V0001__name.cypher}. */
    public static Migration of(String fileName, String script) {
        Matcher matcher = FILE_NAME.matcher(fileName);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Migration file name '" + fileName
                    + "' does not follow V{version}__{description}.cypher");
        }
        return new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2).replace('_', ' '), fileName, script);
    }

    /**
     * SHA-256 of the script with line endings normalised, so a checkout with CRLF endings does not look
     * like an edited file.
     */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The statements of the script: {@code //} comment lines dropped, split where a line ends with {@code ;}. */
    public List<String> statements() {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.replace("\r\n", "\n").split("\n")) {
            if (!line.strip().startsWith("//")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String statement : STATEMENT_END.split(withoutComments)) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
