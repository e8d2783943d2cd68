package io.crosstrace.workspace.batch.ui;

import java.time.LocalDate;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchFilter;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.graphql.PageRequest;

/**
 * A searchable, lazily loaded list of batches. It calls the same {@link BatchService} as the GraphQL API,
 * so filters and rules behave the same in both.
 */
@jakarta.annotation.security.PermitAll
@Route("batches")
@RouteAlias("")
@PageTitle("Batches · CrossTrace")
public class BatchListView extends VerticalLayout {

    final TextField search = new TextField();
    final Grid<Batch> grid = new Grid<>(Batch.class, false);

    public BatchListView(BatchService batches) {
        setSizeFull();
        search.setPlaceholder("Lot, product or brand · 批号、产品或品牌");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidthFull();

        grid.addColumn(Batch::lot).setHeader("Lot 批号").setAutoWidth(true);
        grid.addColumn(Batch::gtin).setHeader("GTIN").setAutoWidth(true);
        grid.addColumn(Batch::productionDate).setHeader("Produced 生产日期");
        grid.addColumn(Batch::expiryDate).setHeader("Expires 到期日期");
        grid.addColumn(Batch::quantity).setHeader("Units 数量");
        grid.addComponentColumn(BatchListView::expiryBadge).setHeader("");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();

        ConfigurableFilterDataProvider<Batch, Void, String> data = new CallbackDataProvider<Batch, String>(
                query -> batches.batches(filter(query.getFilter().orElse(null)),
                        new PageRequest(query.getLimit(), query.getOffset()), false).nodes().stream(),
                query -> Math.toIntExact(batches.batches(filter(query.getFilter().orElse(null)),
                        new PageRequest(0, 0), true).totalCount()))
                .withConfigurableFilter();
        grid.setItems(data);
        search.addValueChangeListener(e -> data.setFilter(e.getValue()));

        add(search, grid);
    }

    private static BatchFilter filter(String text) {
        return new BatchFilter(text, null, null, null, null, null, null);
    }

    private static Span expiryBadge(Batch batch) {
        boolean expired = batch.expiryDate() != null && batch.expiryDate().isBefore(LocalDate.now());
        Span badge = new Span(expired ? "Expired 已过期" : "In date 有效期内");
        badge.getElement().getThemeList().add(expired ? "badge error" : "badge success");
        return badge;
    }
}
