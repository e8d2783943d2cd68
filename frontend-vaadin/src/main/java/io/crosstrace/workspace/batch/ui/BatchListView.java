package io.crosstrace.workspace.batch.ui;

import java.time.LocalDate;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchFilter;
import io.crosstrace.hub.batch.BatchOrder;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.workspace.common.GridSort;

/**
 * A searchable, sortable, lazily loaded list of batches. It calls the same {@link BatchService} as the GraphQL API,
 * so filters and partner rules behave the same in both: each partner sees only the batches it may see.
 */
@RolesAllowed({"PRODUCER", "EXPORTER", "AUDITOR", "INSPECTOR", "LOGISTICS", "ANALYST", "PLATFORM_ADMIN"})
@Route("batches")
public class BatchListView extends VerticalLayout implements HasDynamicTitle {

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, BatchOrder[]> ORDERS = Map.of(
            "lot", new BatchOrder[] {BatchOrder.LOT_ASCENDING, BatchOrder.LOT_DESCENDING},
            "produced", new BatchOrder[] {BatchOrder.PRODUCED_OLDEST, BatchOrder.PRODUCED_NEWEST},
            "expires", new BatchOrder[] {BatchOrder.EXPIRES_SOONEST, BatchOrder.EXPIRES_LATEST},
            "quantity", new BatchOrder[] {BatchOrder.QUANTITY_SMALLEST, BatchOrder.QUANTITY_LARGEST});

    final TextField search = new TextField();
    final DatePicker producedFrom = new DatePicker();
    final DatePicker expiresBefore = new DatePicker();
    final Grid<Batch> grid = new Grid<>(Batch.class, false);
    private final ConfigurableFilterDataProvider<Batch, Void, BatchFilter> data;

    public BatchListView(BatchService batches) {
        setSizeFull();
        search.setPlaceholder(getTranslation("batches.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("batch-search");
        producedFrom.setPlaceholder(getTranslation("batches.producedFrom"));
        producedFrom.setClearButtonVisible(true);
        expiresBefore.setPlaceholder(getTranslation("batches.expiresBefore"));
        expiresBefore.setClearButtonVisible(true);
        FlexLayout filters = new FlexLayout(search, producedFrom, expiresBefore);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        filters.setFlexGrow(1, search);
        filters.setWidthFull();

        grid.addColumn(Batch::lot).setHeader(getTranslation("batch.lot")).setKey("lot").setSortable(true).setAutoWidth(true);
        grid.addColumn(Batch::gtin).setHeader("GTIN").setAutoWidth(true);
        grid.addColumn(Batch::productionDate).setHeader(getTranslation("batch.produced")).setKey("produced").setSortable(true);
        grid.addColumn(Batch::expiryDate).setHeader(getTranslation("batch.expires")).setKey("expires").setSortable(true);
        grid.addColumn(Batch::quantity).setHeader(getTranslation("batch.units")).setKey("quantity").setSortable(true);
        grid.addComponentColumn(this::expiryBadge).setHeader("");
        grid.addComponentColumn(this::unitsLink).setHeader("");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.setMultiSort(false);

        data = new CallbackDataProvider<Batch, BatchFilter>(
                query -> batches.batches(query.getFilter().orElse(BatchFilter.none()),
                        new PageRequest(query.getLimit(), query.getOffset()), false, order(query)).nodes().stream(),
                query -> Math.toIntExact(batches.batches(query.getFilter().orElse(BatchFilter.none()),
                        new PageRequest(0, 0), true).totalCount()))
                .withConfigurableFilter();
        grid.setItems(data);
        search.addValueChangeListener(e -> refilter());
        producedFrom.addValueChangeListener(e -> refilter());
        expiresBefore.addValueChangeListener(e -> refilter());

        add(filters, grid);
    }

    private void refilter() {
        data.setFilter(new BatchFilter(search.getValue(), null, null, null, producedFrom.getValue(), null,
                expiresBefore.getValue()));
    }

    private static BatchOrder order(Query<Batch, BatchFilter> query) {
        return GridSort.order(query, ORDERS, BatchOrder.PRODUCED_NEWEST);
    }

    private RouterLink unitsLink(Batch batch) {
        RouterLink link = new RouterLink(getTranslation("units.open"), BatchUnitsView.class);
        link.setQueryParameters(QueryParameters.simple(Map.of("gtin", batch.gtin(), "lot", batch.lot())));
        return link;
    }

    private Span expiryBadge(Batch batch) {
        boolean expired = batch.expiryDate() != null && batch.expiryDate().isBefore(LocalDate.now());
        return io.crosstrace.workspace.common.Badges.state(!expired, getTranslation(expired ? "batch.expired" : "batch.inDate"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.batches") + " · CrossTrace";
    }
}
