package io.crosstrace.hub.audit;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.Connection;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/** Reads inspections of the audit chain. */
@Service
@Transactional(readOnly = true)
public class InspectionService {

    /** What the inspection filter keeps of the inspections bound to {@code i}. */
    private static final String INSPECTION_FILTER = """
            WITH i
            WHERE ($kind IS NULL OR i.kind = $kind) AND ($result IS NULL OR i.result = $result)""";

    private final GraphReads graph;

    InspectionService(GraphReads graph) {
        this.graph = graph;
    }

    /** The inspections among these the caller may see: for lookups by ID. */
    public Map<String, Inspection> visibleInspectionsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (i:Inspection) WHERE i.number IN $keys AND " + Visibility.inspection("i")
                + " RETURN " + Inspection.PROJECTION + " AS i", Visibility.withParameters(Map.of("keys", List.copyOf(numbers))),
                r -> Inspection.from(r.get("i"))), Inspection::number);
    }

    public Map<String, Inspection> inspectionsByNumber(Collection<String> numbers) {
        return GraphReads.indexBy(graph.list("MATCH (i:Inspection) WHERE i.number IN $keys RETURN "
                + Inspection.PROJECTION + " AS i", Map.of("keys", List.copyOf(numbers)),
                r -> Inspection.from(r.get("i"))), Inspection::number);
    }

    public Connection<Inspection> inspections(String kind, String result, PageRequest page, boolean withTotal) {
        Actor actor = CurrentActor.require();
        Map<String, Object> params = new HashMap<>(Visibility.parameters(actor));
        params.put("kind", kind);
        params.put("result", result);
        return graph.page(Visibility.inspections(actor) + INSPECTION_FILTER, Inspection.PROJECTION, "i.performedOn DESC, i.number", params, page, withTotal,
                Inspection::from);
    }

    /** Inspections of each batch (by batch key), oldest first, in one statement. */
    public Map<String, List<Inspection>> inspectionsOfBatches(Collection<String> batchKeys) {
        return graph.grouped("""
                UNWIND $keys AS k
                MATCH (b:Batch {gtin: k.gtin, lot: k.lot})<-[:OF]-(i:Inspection)
                RETURN k.gtin + '/' + k.lot AS key, %s AS i ORDER BY i.performedOn""".formatted(Inspection.PROJECTION),
                Map.of("keys", batchKeys.stream().map(Batch::keyParameters).toList()), r -> Inspection.from(r.get("i")));
    }

    /** Inspections of each premises (by GLN), oldest first, in one statement. */
    public Map<String, List<Inspection>> inspectionsOfPremises(Collection<String> premisesGlns) {
        return graph.grouped("""
                MATCH (p:Premises)<-[:OF]-(i:Inspection) WHERE p.gln IN $keys
                RETURN p.gln AS key, %s AS i ORDER BY i.performedOn""".formatted(Inspection.PROJECTION),
                Map.of("keys", List.copyOf(premisesGlns)), r -> Inspection.from(r.get("i")));
    }
}
