package io.crosstrace.hub.batch;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/** Reads batches: by key, filtered lists, and the batches of many shipments or consignments at once. */
@Service
@Transactional(readOnly = true)
public class BatchService {

    /** What the batch filter keeps of the batches bound to {@code b}. */
    private static final String BATCH_FILTER = """
            WITH b
            WHERE ($gtin IS NULL OR b.gtin = $gtin)
              AND ($producedFrom IS NULL OR b.productionDate >= $producedFrom)
              AND ($producedTo IS NULL OR b.productionDate <= $producedTo)
              AND ($expiresBefore IS NULL OR b.expiryDate < $expiresBefore)
              AND ($premises IS NULL OR EXISTS { (:Premises {gln: $premises})-[:PRODUCED]->(b) })
              AND ($producer IS NULL OR EXISTS {
                    (:Organization {gln: $producer})-[:OPERATES]->(:Premises)-[:PRODUCED]->(b) })
              AND ($text IS NULL OR toLower(b.lot) CONTAINS $text OR EXISTS {
                    (b)-[:OF_PRODUCT]->(p:Product)
                    WHERE toLower(p.nameEn) CONTAINS $text OR p.nameZh CONTAINS $text OR toLower(p.brand) CONTAINS $text })""";

    private final GraphReads graph;

    BatchService(GraphReads graph) {
        this.graph = graph;
    }

    public Optional<Batch> batch(Gtin gtin, LotNumber lot) {
        return Optional.ofNullable(batchesByKey(List.of(Batch.key(gtin.value(), lot.value())))
                .get(Batch.key(gtin.value(), lot.value())));
    }

    /** The batch if the caller may see it (see {@link Visibility#batch}). */
    public Optional<Batch> visibleBatch(Gtin gtin, LotNumber lot) {
        String key = Batch.key(gtin.value(), lot.value());
        return Optional.ofNullable(visibleBatchesByKey(List.of(key)).get(key));
    }

    /** The batches among these the caller may see: for lookups by ID. */
    public Map<String, Batch> visibleBatchesByKey(Collection<String> keys) {
        List<Map<String, Object>> keyParams = keys.stream().map(Batch::keyParameters).toList();
        return GraphReads.indexBy(graph.list("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})
                WHERE %s
                RETURN %s AS b""".formatted(Visibility.batch("b"), Batch.PROJECTION),
                Visibility.withParameters(Map.of("keys", keyParams)), r -> Batch.from(r.get("b"))), Batch::key);
    }

    /** Batches by key whoever asks: for links from an object the caller already sees, and for the scan page. */
    public Map<String, Batch> batchesByKey(Collection<String> keys) {
        List<Map<String, Object>> keyParams = keys.stream().map(Batch::keyParameters).toList();
        return GraphReads.indexBy(graph.list("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})
                RETURN %s AS b""".formatted(Batch.PROJECTION), Map.of("keys", keyParams),
                r -> Batch.from(r.get("b"))), Batch::key);
    }

    /** Batches the caller may see, filtered; signed-in partners only. */
    public Connection<Batch> batches(BatchFilter filter, PageRequest page, boolean withTotal) {
        return batches(filter, page, withTotal, BatchOrder.PRODUCED_NEWEST);
    }

    /** The batches the caller may see, in the given order (the workspace's sortable grid). */
    public Connection<Batch> batches(BatchFilter filter, PageRequest page, boolean withTotal, BatchOrder order) {
        Actor actor = CurrentActor.require();
        Map<String, Object> params = new HashMap<>(Visibility.parameters(actor));
        params.put("gtin", filter.gtin());
        params.put("producedFrom", filter.producedFrom());
        params.put("producedTo", filter.producedTo());
        params.put("expiresBefore", filter.expiresBefore());
        params.put("producer", filter.producerGln());
        params.put("premises", filter.premisesGln());
        params.put("text", filter.text() == null || filter.text().isBlank() ? null : filter.text().strip().toLowerCase());
        return graph.page(Visibility.batches(actor) + BATCH_FILTER, Batch.PROJECTION, order.cypher, params, page,
                withTotal, Batch::from);
    }
}
