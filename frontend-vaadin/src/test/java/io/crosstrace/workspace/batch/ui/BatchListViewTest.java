package io.crosstrace.workspace.batch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;

import io.crosstrace.hub.DemoData;
import io.crosstrace.hub.HubIntegrationTest;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchService;

@HubIntegrationTest
class BatchListViewTest {

    @Autowired
    BatchService batches;
    @Autowired
    Driver driver;

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void lists_batches_lazily_and_filters_them_by_lot() {
        // The view calls the same service as the API, so it sees what its signed-in user may see: here everything.
        String platform = DemoData.strings(driver, "MATCH (o:Organization) WHERE 'PLATFORM' IN o.roles RETURN o.gln").getFirst();
        io.crosstrace.hub.security.CurrentActor.runAs(io.crosstrace.hub.security.Actor.user("admin", platform,
                io.crosstrace.hub.security.Role.PLATFORM_ADMIN), this::listAndFilter);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void listAndFilter() {
        BatchListView view = new BatchListView(batches);
        DataProvider provider = view.grid.getDataProvider();
        long total = DemoData.count(driver, "MATCH (b:Batch) RETURN count(b)");

        assertThat(provider.size(new Query<>())).isEqualTo((int) total);
        List<Batch> firstTen = (List<Batch>) provider.fetch(new Query<>(0, 10, List.of(), null, null)).toList();
        assertThat(firstTen).hasSize(10);

        String lot = firstTen.get(3).lot();
        view.search.setValue(lot);
        List<Batch> matching = (List<Batch>) provider.fetch(new Query<>(0, 50, List.of(), null, null)).toList();
        assertThat(matching).extracting(Batch::lot).contains(lot).allSatisfy(l -> assertThat(l.toLowerCase()).contains(lot.toLowerCase()));
        assertThat(provider.size(new Query<>())).isEqualTo(matching.size()).isLessThan((int) total);
    }
}
