package io.crosstrace.hub.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.graphdb.GraphReads;
import io.crosstrace.hub.graphql.NotFoundException;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Visibility;

/**
 * The unit codes of one batch, in serial order, for a list that must stay quick at 100,000 units and more.
 *
 * <p>Pages are read by key, not by offset alone: the codes are found through the {@code (gtin, serial)} uniqueness
 * index, whose order is the serial order, starting after the last serial the caller already holds; only the
 * distance from that serial to the page is skipped, along the index. Skipping from the start of a batch would walk
 * every unit before the page and sort the batch on each request.
 */
@Service
@Transactional(readOnly = true)
public class BatchUnitsService {

    /** One unit: its serial, its GS1 Digital Link path and its code's status. */
    public record Unit(String serial, String path, String status) {
    }

    public static final int MAX_PAGE = 1_000;

    private static final String VISIBLE = "MATCH (b:Batch {gtin: $gtin, lot: $lot}) WHERE " + Visibility.batch("b")
            + " RETURN COUNT { (b)-[:HAS_UNIT]->() } AS units";

    /**
     * The index gives the order (sorting by its whole key, the GTIN being fixed, lets the planner use it); the lot is
     * a filter on what the index finds (a GTIN's lots share its serials' range).
     */
    static final String PAGE = """
            MATCH (c:TraceCode)
            WHERE c.gtin = $gtin AND c.serial > $after AND c.lot = $lot
            WITH c ORDER BY c.gtin, c.serial
            SKIP $skip LIMIT $limit
            RETURN c.serial AS serial, c.path AS path, c.status AS status""";

    private final GraphReads graph;

    BatchUnitsService(GraphReads graph) {
        this.graph = graph;
    }

    /**
     * How many unit codes the batch has, if the caller may see the batch.
     *
     * @throws NotFoundException no such batch, or one the caller may not see (the same answer)
     */
    public long count(Gtin gtin, LotNumber lot) {
        return visibleUnits(gtin, lot);
    }

    /**
     * Up to {@code limit} units after the serial {@code afterSerial} (from the first when null), skipping
     * {@code skip} of them first.
     *
     * @throws NotFoundException no such batch, or one the caller may not see
     */
    public List<Unit> units(Gtin gtin, LotNumber lot, String afterSerial, long skip, int limit) {
        visibleUnits(gtin, lot);
        Map<String, Object> p = new HashMap<>();
        p.put("gtin", gtin.value());
        p.put("lot", lot.value());
        // Every string sorts after the empty one: the start of the batch.
        p.put("after", afterSerial == null ? "" : afterSerial);
        p.put("skip", Math.max(0, skip));
        p.put("limit", Math.max(0, Math.min(limit, MAX_PAGE)));
        return graph.list(PAGE, p, r -> new Unit(r.get("serial").asString(), r.get("path").asString(null),
                r.get("status").asString(null)));
    }

    private long visibleUnits(Gtin gtin, LotNumber lot) {
        Map<String, Object> p = new HashMap<>(Visibility.parameters(CurrentActor.require()));
        p.put("gtin", gtin.value());
        p.put("lot", lot.value());
        return graph.one(VISIBLE, p, r -> r.get("units").asLong())
                .orElseThrow(() -> new NotFoundException("No batch " + gtin.value() + "/" + lot.value()));
    }
}
