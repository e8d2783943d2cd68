package io.crosstrace.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;

import org.neo4j.driver.Session;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the unit codes of a world, minting them slice by slice so that only one chunk is ever in memory.
 *
 * <p>Each batch is looked at once before writing: a batch with all its codes is skipped, a batch with none
 * gets its codes by CREATE (no lookup per code, the fast path for a fresh load), and a batch with some (an
 * interrupted load) gets them by MERGE on the path. If a CREATE still meets an existing code (another
 * loader at work, or a retried commit that had in fact gone through), the uniqueness constraint rejects the
 * chunk and it is written again with MERGE: a code is never duplicated.
 */
final class TraceCodeWriter {

    private static final Logger log = LoggerFactory.getLogger(TraceCodeWriter.class);

    static final String STATUS_ACTIVE = "ACTIVE";
    private static final int KEYS_PER_LOOKUP = 1_000;

    private final Session session;
    private final int chunkSize;

    TraceCodeWriter(Session session, int chunkSize) {
        this.session = session;
        this.chunkSize = chunkSize;
    }

    /** Writes the codes missing from the database; returns how many codes were sent. */
    long write(World world, LoadListener listener) {
        List<Batch> batches = world.batches();
        Map<Target.OfBatch, Long> existing = existingCodes(batches);
        UnitCodeMinter minter = world.minter();
        long total = world.unitCodeCount();
        Chunk fresh = new Chunk(WorldCypher.CREATE_TRACE_CODES);
        Chunk resumed = new Chunk(WorldCypher.MERGE_TRACE_CODES);
        long done = 0;
        long sent = 0;
        for (int i = 0; i < batches.size(); i++) {
            Batch batch = batches.get(i);
            long have = existing.getOrDefault(batch.ref(), 0L);
            if (have == batch.quantity()) {
                done += have;
                continue;
            }
            Chunk chunk = have == 0 ? fresh : resumed;
            for (long from = 0; from < batch.quantity(); ) {
                int count = (int) Math.min(chunkSize - chunk.size, batch.quantity() - from);
                chunk.add(batch, minter.slice(i, from, count));
                from += count;
                if (chunk.size >= chunkSize) {
                    int written = flush(chunk);
                    sent += written;
                    done += written;
                    listener.codesProgress(done, total);
                }
            }
        }
        for (Chunk chunk : List.of(fresh, resumed)) {
            int written = flush(chunk);
            sent += written;
            done += written;
        }
        listener.codesProgress(done, total);
        return sent;
    }

    private Map<Target.OfBatch, Long> existingCodes(List<Batch> batches) {
        Map<Target.OfBatch, Long> existing = new HashMap<>();
        for (int from = 0; from < batches.size(); from += KEYS_PER_LOOKUP) {
            List<Map<String, Object>> keys = batches.subList(from, Math.min(batches.size(), from + KEYS_PER_LOOKUP))
                    .stream().map(b -> Rows.batchKey(b.ref())).toList();
            Map<String, Object> parameters = Map.of("rows", keys);
            session.executeRead(tx -> {
                tx.run(WorldCypher.CODES_PER_BATCH, parameters).forEachRemaining(r -> existing.put(
                        new Target.OfBatch(new Gtin(r.get("gtin").asString()),
                                new LotNumber(r.get("lot").asString())),
                        r.get("codes").asLong()));
                return null;
            });
        }
        return existing;
    }

    private int flush(Chunk chunk) {
        if (chunk.size == 0) {
            return 0;
        }
        Map<String, Object> parameters = Map.of("groups", chunk.groups, "status", STATUS_ACTIVE);
        try {
            session.executeWrite(tx -> tx.run(chunk.cypher, parameters).consume());
        } catch (ClientException e) {
            if (!chunk.cypher.equals(WorldCypher.CREATE_TRACE_CODES) || !isConstraintViolation(e)) {
                throw e;
            }
            log.info("Some unit codes of this chunk exist already; writing it again with MERGE");
            session.executeWrite(tx -> tx.run(WorldCypher.MERGE_TRACE_CODES, parameters).consume());
        }
        int size = chunk.size;
        chunk.clear();
        return size;
    }

    private static boolean isConstraintViolation(ClientException e) {
        return e.code() != null && e.code().endsWith("ConstraintValidationFailed");
    }

    /** Codes waiting to be written, grouped by batch so that each batch is matched once per chunk. */
    private static final class Chunk {
        final String cypher;
        final List<Map<String, Object>> groups = new ArrayList<>();
        int size;

        Chunk(String cypher) {
            this.cypher = cypher;
        }

        void add(Batch batch, List<UnitCode> codes) {
            Map<String, Object> group = Rows.batchKey(batch.ref());
            group.put("codes", codes.stream().map(Rows::of).toList());
            groups.add(group);
            size += codes.size();
        }

        void clear() {
            groups.clear();
            size = 0;
        }
    }
}
