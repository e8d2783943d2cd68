package io.crosstrace.workspace.batch.ui;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.BatchUnitsService.Unit;
import io.crosstrace.hub.batch.BatchUnitsService;

/**
 * The unit codes of one batch ({@code batch-units?gtin=…&lot=…}) in a lazy grid that stays smooth at 100,000 rows:
 * each page is read by key from the nearest serial the grid already holds (see {@link UnitPageCursors}), and the
 * line under the title says how long the last page took, so slowness is visible where it happens.
 */
@RolesAllowed({"PRODUCER", "EXPORTER", "AUDITOR", "INSPECTOR", "LOGISTICS", "ANALYST", "PLATFORM_ADMIN"})
@Route("batch-units")
public class BatchUnitsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private static final Logger log = LoggerFactory.getLogger(BatchUnitsView.class);

    final Grid<Unit> grid = new Grid<>(Unit.class, false);
    final Span fetched = new Span();
    private final H2 title = new H2();
    private final BatchUnitsService units;
    private final UnitPageCursors cursors = new UnitPageCursors();

    public BatchUnitsView(BatchUnitsService units) {
        this.units = units;
        setSizeFull();
        grid.setId("units");
        grid.addColumn(Unit::serial).setHeader(getTranslation("units.serial")).setAutoWidth(true);
        grid.addColumn(Unit::status).setHeader(getTranslation("consignment.status")).setAutoWidth(true);
        grid.addColumn(Unit::path).setHeader(getTranslation("units.path")).setFlexGrow(3);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        fetched.setId("units-fetched");
        add(title, fetched, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        Gtin gtin = Gtin.parse(parameters.getSingleParameter("gtin").orElse(""));
        LotNumber lot = new LotNumber(parameters.getSingleParameter("lot").orElse(""));
        title.setText(getTranslation("units.title", gtin.value(), lot.value()));
        long total = units.count(gtin, lot);
        cursors.forget();
        grid.setItems(new CallbackDataProvider<Unit, Void>(query -> {
            long started = System.nanoTime();
            UnitPageCursors.Start start = cursors.startFor(query.getOffset());
            List<Unit> page = units.units(gtin, lot, start.afterSerial(), start.skip(), query.getLimit());
            cursors.remember(query.getOffset(), page.stream().map(Unit::serial).toList());
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.debug("units {}/{} rows {}+{} (skipped {} after {}): {} ms", gtin.value(), lot.value(), query.getOffset(),
                    page.size(), start.skip(), start.afterSerial(), millis);
            fetched.setText(getTranslation("units.fetched", total, query.getOffset(), query.getOffset() + page.size(), millis));
            return page.stream();
        }, query -> Math.toIntExact(total)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.batches") + " · CrossTrace";
    }
}
