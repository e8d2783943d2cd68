package io.crosstrace.hub.recall;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.BadInputException;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;

/** Reads recalls: by number, the list, and the recalls of batches. */
@Service
@Transactional(readOnly = true)
public class RecallService {

    private static final Set<String> STATUSES = Set.of(Recall.ACTIVE, Recall.CLOSED);

    private final GraphReads graph;

    RecallService(GraphReads graph) {
        this.graph = graph;
    }

    /** The recall if the caller may see it (see {@link RecallAccess#visibleRecall}); signed-in partners only. */
    public Optional<Recall> recall(String number) {
        CurrentActor.require();
        return Optional.ofNullable(visibleRecallsByNumber(List.of(number)).get(number));
    }

    /** The recalls among these the caller may see: for lookups by global ID. */
    public Map<String, Recall> visibleRecallsByNumber(Collection<String> numbers) {
        Map<String, Object> p = RecallAccess.parameters(CurrentActor.get());
        p.put("keys", List.copyOf(numbers));
        return GraphReads.indexBy(graph.list("MATCH (r:Recall) WHERE r.number IN $keys AND " + RecallAccess.visibleRecall("r")
                + " RETURN " + Recall.PROJECTION + " AS r", p, r -> Recall.from(r.get("r"))), Recall::number);
    }

    /** Recalls the caller may see, newest first, optionally of one status. */
    public Connection<Recall> recalls(String status, PageRequest page, boolean withTotal) {
        Actor actor = CurrentActor.require();
        if (status != null && !STATUSES.contains(status)) {
            throw new BadInputException("A recall's status is ACTIVE or CLOSED, not '" + status + "'");
        }
        Map<String, Object> p = new HashMap<>(RecallAccess.parameters(actor));
        p.put("status", status);
        return graph.page("MATCH (r:Recall) WHERE ($status IS NULL OR coalesce(r.status, 'ACTIVE') = $status) AND "
                + RecallAccess.visibleRecall("r"), Recall.PROJECTION, "r.initiatedAt DESC, r.number", p, page, withTotal,
                Recall::from);
    }

    /**
     * The recalls of each batch (by batch key), newest first, whoever asks: a recall is a public notice (the scan
     * page shows it to every consumer), and the caller reached the batch through a query that applied its scoping.
     */
    public Map<String, List<Recall>> recallsOfBatches(Collection<String> batchKeys) {
        return graph.grouped("""
                UNWIND $keys AS k
                MATCH (:Batch {gtin: k.gtin, lot: k.lot})<-[:RECALLS]-(r:Recall)
                RETURN k.gtin + '/' + k.lot AS key, %s AS r ORDER BY r.initiatedAt DESC, r.number""".formatted(Recall.PROJECTION),
                Map.of("keys", batchKeys.stream().map(Batch::keyParameters).toList()), r -> Recall.from(r.get("r")));
    }

    /** A recall by number, whoever asks: for the answer of a mutation that just wrote or found it. */
    Recall recallByNumber(String number) {
        return graph.one("MATCH (r:Recall {number: $number}) RETURN " + Recall.PROJECTION + " AS r",
                Map.of("number", number), r -> Recall.from(r.get("r"))).orElse(null);
    }
}
