package io.crosstrace.hub.scan.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import io.crosstrace.hub.code.TraceCode;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.Links;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.Selections;

/** The scan fields of {@code TraceCode} and the list of flagged codes. */
@Controller
class ScanActivityGraphQlController {

    private final ScanRecorder scans;
    private final FlaggedCodeService flagged;

    ScanActivityGraphQlController(ScanRecorder scans, FlaggedCodeService flagged) {
        this.scans = scans;
        this.flagged = flagged;
    }

    @BatchMapping(typeName = "TraceCode", field = "scanCount")
    Map<TraceCode, Integer> scanCount(List<TraceCode> codes) {
        return Links.one(codes, TraceCode::path, paths -> insights(paths, i -> (int) Math.min(Integer.MAX_VALUE, i.scanCount())));
    }

    @BatchMapping(typeName = "TraceCode", field = "cloneFlags")
    Map<TraceCode, List<CloneFlag>> cloneFlags(List<TraceCode> codes) {
        return Links.many(codes, TraceCode::path, paths -> insights(paths, ScanInsights::flags));
    }

    /** The DateTime scalar takes offset date-times; flags keep instants. */
    @SchemaMapping(typeName = "CloneFlag", field = "flaggedAt")
    OffsetDateTime flaggedAt(CloneFlag flag) {
        return OffsetDateTime.ofInstant(flag.flaggedAt(), ZoneOffset.UTC);
    }

    @QueryMapping
    Connection<TraceCode> flaggedCodes(@Argument CloneRule rule, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return flagged.flaggedCodes(rule, PageRequest.of(first, after), Selections.wantsTotalCount(env));
    }

    private <V> Map<String, V> insights(Collection<String> paths, Function<ScanInsights, V> part) {
        return scans.insights(paths).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> part.apply(e.getValue())));
    }
}
