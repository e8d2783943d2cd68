package io.crosstrace.seed;

import java.util.List;
import java.util.Map;

import org.neo4j.driver.Session;

/** Runs one parameterised UNWIND statement over rows, a chunk of rows per managed transaction. */
final class ChunkedWriter {

    private final Session session;
    private final int chunkSize;

    ChunkedWriter(Session session, int chunkSize) {
        this.session = session;
        this.chunkSize = chunkSize;
    }

    void write(String cypher, List<Map<String, Object>> rows) {
        for (int from = 0; from < rows.size(); from += chunkSize) {
            List<Map<String, Object>> chunk = rows.subList(from, Math.min(rows.size(), from + chunkSize));
            Map<String, Object> parameters = Map.of("rows", chunk);
            session.executeWrite(tx -> tx.run(cypher, parameters).consume());
        }
    }
}
