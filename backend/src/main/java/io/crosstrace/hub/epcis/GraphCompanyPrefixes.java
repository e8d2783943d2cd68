package io.crosstrace.hub.epcis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Company prefixes registered by organizations in the graph ({@code Organization.gs1CompanyPrefix}) plus those of
 * an optional table file ({@code crosstrace.epcis.company-prefix-file}, one prefix a line, {@code #} comments).
 * Cached and re-read after {@code crosstrace.epcis.company-prefix-refresh} (default 5 minutes), so a newly
 * registered organization is picked up without a restart.
 */
@Component
public class GraphCompanyPrefixes implements CompanyPrefixes {

    private static final Logger LOG = LoggerFactory.getLogger(GraphCompanyPrefixes.class);
    private static final String REGISTERED_PREFIXES = """
            MATCH (o:Organization) WHERE o.gs1CompanyPrefix IS NOT NULL AND o.gs1CompanyPrefix <> ''
            RETURN DISTINCT o.gs1CompanyPrefix AS prefix""";

    private final Supplier<Collection<String>> graphPrefixes;
    private final String tableFile;
    private final Duration refreshAfter;
    private final Clock clock;
    private volatile Set<String> cached = Set.of();
    private volatile Instant loadedAt = Instant.MIN;

    @Autowired
    GraphCompanyPrefixes(Neo4jClient neo4j,
                         @Value("${crosstrace.epcis.company-prefix-file:}") String tableFile,
                         @Value("${crosstrace.epcis.company-prefix-refresh:PT5M}") Duration refreshAfter) {
        this(() -> neo4j.query(REGISTERED_PREFIXES).fetchAs(String.class)
                .mappedBy((types, record) -> record.get("prefix").asString()).all(), tableFile, refreshAfter, Clock.systemUTC());
    }

    GraphCompanyPrefixes(Supplier<Collection<String>> graphPrefixes, String tableFile, Duration refreshAfter, Clock clock) {
        this.graphPrefixes = graphPrefixes;
        this.tableFile = tableFile;
        this.refreshAfter = refreshAfter;
        this.clock = clock;
    }

    @Override
    public Collection<String> all() {
        Instant now = clock.instant();
        if (loadedAt.plus(refreshAfter).isBefore(now)) {
            refresh(now);
        }
        return cached;
    }

    private synchronized void refresh(Instant now) {
        if (!loadedAt.plus(refreshAfter).isBefore(now)) {
            return;
        }
        Set<String> prefixes = new TreeSet<>();
        try {
            graphPrefixes.get().stream().map(String::strip).filter(GraphCompanyPrefixes::isPrefix).forEach(prefixes::add);
        } catch (RuntimeException graphUnavailable) {
            // Keep what we had: translation then falls back to the Digital Link form, which is always allowed.
            LOG.warn("could not read company prefixes from the graph: {}", graphUnavailable.getMessage());
            prefixes.addAll(cached);
        }
        prefixes.addAll(fromTableFile());
        cached = Set.copyOf(prefixes);
        loadedAt = now;
    }

    private List<String> fromTableFile() {
        if (tableFile == null || tableFile.isBlank()) {
            return List.of();
        }
        try {
            return Files.readAllLines(Path.of(tableFile)).stream()
                    .map(line -> line.replaceAll("#.*", "").strip())
                    .filter(GraphCompanyPrefixes::isPrefix)
                    .toList();
        } catch (IOException unreadable) {
            LOG.warn("could not read company prefix file {}: {}", tableFile, unreadable.getMessage());
            return List.of();
        }
    }

    private static boolean isPrefix(String text) {
        return text.matches("\\d{6,12}");
    }
}
