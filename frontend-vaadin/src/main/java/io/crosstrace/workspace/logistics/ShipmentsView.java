package io.crosstrace.workspace.logistics;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.LogisticsWorkflowService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.logistics.ShipmentOrder;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.workspace.common.GridSort;

/**
 * Shipments the exporter or carrier ships (the service's visibility), filtered by departure and sortable, what each
 * carries, and a form to record a new one.
 */
@RolesAllowed({"EXPORTER", "LOGISTICS", "PLATFORM_ADMIN"})
@Route("shipments")
public class ShipmentsView extends VerticalLayout implements HasDynamicTitle {

    /** The departure window filter. */
    record Window(java.time.LocalDate from, java.time.LocalDate to) {
    }

    final Grid<Shipment> grid = new Grid<>(Shipment.class, false);
    final Div cargo = new Div();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, ShipmentOrder[]> ORDERS = Map.of(
            "number", new ShipmentOrder[] {ShipmentOrder.NUMBER_ASCENDING, ShipmentOrder.NUMBER_DESCENDING},
            "vessel", new ShipmentOrder[] {ShipmentOrder.VESSEL_ASCENDING, ShipmentOrder.VESSEL_DESCENDING},
            "departed", new ShipmentOrder[] {ShipmentOrder.DEPARTED_OLDEST, ShipmentOrder.DEPARTED_NEWEST},
            "arrived", new ShipmentOrder[] {ShipmentOrder.ARRIVED_OLDEST, ShipmentOrder.ARRIVED_NEWEST});

    public ShipmentsView(LogisticsService logistics, LogisticsWorkflowService workflow) {
        DatePicker from = new DatePicker(getTranslation("shipment.departedFrom"));
        DatePicker to = new DatePicker(getTranslation("shipment.departedTo"));
        ConfigurableFilterDataProvider<Shipment, Void, Window> data = new CallbackDataProvider<Shipment, Window>(
                q -> logistics.shipments(q.getFilter().map(Window::from).orElse(null), q.getFilter().map(Window::to).orElse(null),
                        new PageRequest(q.getLimit(), q.getOffset()), false,
                        GridSort.order(q, ORDERS, ShipmentOrder.DEPARTED_NEWEST)).nodes().stream(),
                q -> Math.toIntExact(logistics.shipments(q.getFilter().map(Window::from).orElse(null),
                        q.getFilter().map(Window::to).orElse(null), new PageRequest(0, 0), true).totalCount())).withConfigurableFilter();
        from.addValueChangeListener(e -> data.setFilter(new Window(from.getValue(), to.getValue())));
        to.addValueChangeListener(e -> data.setFilter(new Window(from.getValue(), to.getValue())));
        grid.setId("shipments");
        grid.addColumn(Shipment::number).setHeader(getTranslation("shipment.number")).setAutoWidth(true)
                .setKey("number").setSortable(true);
        grid.addColumn(Shipment::vessel).setHeader(getTranslation("shipment.vessel")).setKey("vessel").setSortable(true);
        grid.addColumn(Shipment::mode).setHeader(getTranslation("shipment.mode"));
        grid.addColumn(Shipment::departedOn).setHeader(getTranslation("shipment.departedOn")).setKey("departed").setSortable(true);
        grid.addColumn(Shipment::arrivedOn).setHeader(getTranslation("shipment.arrivedOn")).setKey("arrived").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("360px");
        grid.setItems(data);
        cargo.setId("shipment-cargo");
        grid.asSingleSelect().addValueChangeListener(e -> {
            cargo.removeAll();
            if (e.getValue() != null) {
                String number = e.getValue().number();
                cargo.add(new H4(getTranslation("shipment.carries", number)));
                logistics.itemsOfShipments(List.of(number)).getOrDefault(number, List.of()).forEach(item ->
                        cargo.add(new Div(item.batch().lot() + " · " + item.batch().gtin() + " × " + item.quantity())));
            }
        });
        HorizontalLayout filters = new HorizontalLayout(from, to);
        filters.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("nav.shipments")), filters, grid, cargo);
        // Exporters and carriers ship; the platform administrator only looks.
        if (CurrentActor.get().hasAny(Role.EXPORTER, Role.LOGISTICS)) {
            add(new ShipmentCreateForm(logistics, workflow, data::refreshAll));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.shipments") + " · CrossTrace";
    }
}
