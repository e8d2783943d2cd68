package io.crosstrace.hub.epcis;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters of {@code GET /epcis/events} (EPCIS 2.0 §8.2.7.1 SimpleEventQuery, REST binding), read and checked:
 * an unknown parameter, an unreadable value or a repeated parameter is a {@code QueryParameterException}. Values
 * are pipe-delimited lists; CBV values and identifiers are brought into the forms the graph keeps.
 */
record EventQuery(List<String> eventTypes, OffsetDateTime geEventTime, OffsetDateTime ltEventTime,
                  OffsetDateTime geRecordTime, OffsetDateTime ltRecordTime, List<String> actions, List<String> bizSteps,
                  List<String> dispositions, List<String> readPoints, List<String> bizLocations, List<EpcMatch> epcMatches,
                  List<String> eventIds, List<List<String>> bizTransactions, String orderBy, boolean descending,
                  Integer eventCountLimit, int perPage, long offset, String fingerprint) {

    static final List<String> EVENT_TYPES = List.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
            "TransformationEvent", "AssociationEvent");

    /** One MATCH_* parameter: the list roles it looks in, exact identifiers, and prefixes of class patterns. */
    record EpcMatch(String parameter, List<String> roles, List<String> exact, List<String> prefixes) {
    }

    private static final List<String> INSTANCE = EventFacts.INSTANCE_LISTS;
    private static final Map<String, List<String>> MATCH_ROLES = Map.of(
            "MATCH_epc", INSTANCE,
            "MATCH_parentID", List.of("parentID"),
            "MATCH_inputEPC", List.of("inputEPCList"),
            "MATCH_outputEPC", List.of("outputEPCList"),
            "MATCH_anyEPC", concat(INSTANCE, List.of("parentID")),
            "MATCH_epcClass", List.of("quantityList", "childQuantityList"),
            "MATCH_inputEPCClass", List.of("inputQuantityList"),
            "MATCH_outputEPCClass", List.of("outputQuantityList"),
            "MATCH_anyEPCClass", EventFacts.QUANTITY_LISTS);
    private static final Set<String> SIMPLE = Set.of("eventType", "GE_eventTime", "LT_eventTime", "GE_recordTime",
            "LT_recordTime", "EQ_action", "EQ_bizStep", "EQ_disposition", "EQ_readPoint", "EQ_bizLocation", "EQ_eventID",
            "orderBy", "orderDirection", "eventCountLimit", "perPage", "nextPageToken");
    private static final String TOKEN_PREFIX = "v1|";

    static EventQuery parse(Map<String, List<String>> parameters, CbvValues cbv, EpcisProperties limits) {
        Map<String, String> single = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            String name = e.getKey();
            if (!SIMPLE.contains(name) && !MATCH_ROLES.containsKey(name) && !name.startsWith("EQ_bizTransaction_")) {
                throw EpcisRequestException.queryParameter(name, "Unknown query parameter '" + name + "'");
            }
            if (e.getValue().size() != 1) {
                throw EpcisRequestException.queryParameter(name, "'" + name + "' may be given once (list values are separated by |)");
            }
            if (e.getValue().getFirst().isBlank() || (name.startsWith("EQ_bizTransaction_") && name.length() == "EQ_bizTransaction_".length())) {
                throw EpcisRequestException.queryParameter(name, "'" + name + "' needs a value");
            }
            single.put(name, e.getValue().getFirst());
        }
        List<String> eventTypes = list(single, "eventType");
        eventTypes.forEach(t -> {
            if (!EVENT_TYPES.contains(t)) {
                throw EpcisRequestException.queryParameter("eventType", "'" + t + "' is not an EPCIS event type: " + EVENT_TYPES);
            }
        });
        List<String> actions = list(single, "EQ_action");
        actions.forEach(a -> {
            if (!List.of("ADD", "OBSERVE", "DELETE").contains(a)) {
                throw EpcisRequestException.queryParameter("EQ_action", "'" + a + "' is not ADD, OBSERVE or DELETE");
            }
        });
        List<EpcMatch> matches = new ArrayList<>();
        for (Map.Entry<String, List<String>> m : new TreeMap<>(MATCH_ROLES).entrySet()) {
            List<String> values = list(single, m.getKey());
            if (!values.isEmpty()) {
                List<String> exact = new ArrayList<>();
                List<String> prefixes = new ArrayList<>();
                for (String value : values) {
                    String canonical = EpcisIdentifiers.canonical(value);
                    if (EpcisIdentifiers.isPattern(value)) {
                        prefixes.add(canonical + "/");
                        exact.add(canonical);
                    } else {
                        exact.add(canonical);
                    }
                }
                matches.add(new EpcMatch(m.getKey(), m.getValue(), List.copyOf(exact), List.copyOf(prefixes)));
            }
        }
        List<List<String>> transactions = new ArrayList<>();
        for (Map.Entry<String, String> e : single.entrySet()) {
            if (e.getKey().startsWith("EQ_bizTransaction_")) {
                String type = cbv.bizTransactionType(e.getKey().substring("EQ_bizTransaction_".length()));
                transactions.add(list(single, e.getKey()).stream().map(v -> type + "|" + v).toList());
            }
        }
        String orderBy = single.getOrDefault("orderBy", "eventTime");
        if (!orderBy.equals("eventTime") && !orderBy.equals("recordTime")) {
            throw EpcisRequestException.queryParameter("orderBy", "orderBy is eventTime or recordTime");
        }
        String direction = single.getOrDefault("orderDirection", "ASC");
        if (!direction.equals("ASC") && !direction.equals("DESC")) {
            throw EpcisRequestException.queryParameter("orderDirection", "orderDirection is ASC or DESC");
        }
        Integer countLimit = single.containsKey("eventCountLimit")
                ? positive(single, "eventCountLimit", Integer.MAX_VALUE) : null;
        int perPage = single.containsKey("perPage") ? positive(single, "perPage", limits.maxPerPage()) : limits.perPage();
        String fingerprint = fingerprint(single);
        long offset = single.containsKey("nextPageToken") ? offset(single.get("nextPageToken"), fingerprint) : 0;
        return new EventQuery(eventTypes, time(single, "GE_eventTime"), time(single, "LT_eventTime"),
                time(single, "GE_recordTime"), time(single, "LT_recordTime"), actions,
                list(single, "EQ_bizStep").stream().map(cbv::bizStep).toList(),
                list(single, "EQ_disposition").stream().map(cbv::disposition).toList(),
                list(single, "EQ_readPoint").stream().map(EpcisIdentifiers::canonical).toList(),
                list(single, "EQ_bizLocation").stream().map(EpcisIdentifiers::canonical).toList(),
                List.copyOf(matches), list(single, "EQ_eventID"), List.copyOf(transactions), orderBy,
                direction.equals("DESC"), countLimit, perPage, offset, fingerprint);
    }

    /** The query for one event by its eventID (or hash ID). */
    static EventQuery byEventId(String eventId, EpcisProperties limits) {
        return new EventQuery(List.of(), null, null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(eventId), List.of(), "eventTime", false, null, limits.perPage(), 0, "");
    }

    /** The token of the page after one that ended at {@code offset}. */
    String nextPageToken(long nextOffset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + nextOffset + "|" + fingerprint).getBytes(StandardCharsets.UTF_8));
    }

    /** How many events this page may hold, given eventCountLimit. */
    int pageSize() {
        if (eventCountLimit == null) {
            return perPage;
        }
        return (int) Math.max(0, Math.min(perPage, eventCountLimit - offset));
    }

    private static long offset(String token, String fingerprint) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length == 3 && (parts[0] + "|").equals(TOKEN_PREFIX) && parts[2].equals(fingerprint)) {
                long offset = Long.parseLong(parts[1]);
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException unreadable) {
            // reported below
        }
        throw EpcisRequestException.queryParameter("nextPageToken",
                "nextPageToken is not one this query handed out (the other parameters must stay the same)");
    }

    /** Ties a page token to the query's filters, so it cannot be replayed against another query. */
    private static String fingerprint(Map<String, String> parameters) {
        Map<String, String> filters = new LinkedHashMap<>(parameters);
        filters.remove("nextPageToken");
        filters.remove("perPage");
        return Integer.toHexString(filters.toString().hashCode());
    }

    private static List<String> list(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null ? List.of() : Arrays.stream(value.split("\\|")).filter(v -> !v.isBlank()).toList();
    }

    private static OffsetDateTime time(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw EpcisRequestException.queryParameter(name, name + " must be an RFC 3339 date-time with offset, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static int positive(Map<String, String> parameters, String name, int max) {
        try {
            int value = Integer.parseInt(parameters.get(name));
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw EpcisRequestException.queryParameter(name, name + " must be a whole number from 1 to " + max);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
