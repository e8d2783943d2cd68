package io.crosstrace.workspace.importer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.logistics.ConsignmentFilter;
import io.crosstrace.hub.logistics.ConsignmentOrder;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.ConsignmentDeclareInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.DeclaredItemInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.DocumentInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * The importer's consignments: a lazy list filtered by status, each one's declared batches and documents, and the
 * declaration of a new one (documents and quantities) through the logistics workflow service.
 */
@RolesAllowed({"IMPORTER"})
@Route("importer/consignments")
public class ConsignmentsView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> STATUSES = List.of("DECLARED", "IN_TRANSIT", "ARRIVED", "UNDER_INSPECTION", "RELEASED", "HELD", "REJECTED");

    final Grid<Consignment> grid = new Grid<>(Consignment.class, false);
    final Select<String> status = new Select<>();
    final Div details = new Div();
    final UserErrorsBox errors = new UserErrorsBox();
    final Span declared = new Span();
    private final List<DeclaredItemInput> items = new ArrayList<>();
    private final List<DocumentInput> documents = new ArrayList<>();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, ConsignmentOrder[]> ORDERS = Map.of(
            "number", new ConsignmentOrder[] {ConsignmentOrder.NUMBER_ASCENDING, ConsignmentOrder.NUMBER_DESCENDING},
            "status", new ConsignmentOrder[] {ConsignmentOrder.STATUS_ASCENDING, ConsignmentOrder.STATUS_DESCENDING},
            "declared", new ConsignmentOrder[] {ConsignmentOrder.DECLARED_OLDEST, ConsignmentOrder.DECLARED_NEWEST},
            "released", new ConsignmentOrder[] {ConsignmentOrder.RELEASED_OLDEST, ConsignmentOrder.RELEASED_NEWEST});

    public ConsignmentsView(LogisticsService logistics, LogisticsWorkflowService workflow) {
        String org = CurrentActor.get().organizationGln();
        status.setId("consignment-status-filter");
        status.setLabel(getTranslation("consignment.status"));
        status.setItems(STATUSES);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("filter.all"));

        ConfigurableFilterDataProvider<Consignment, Void, String> data = new CallbackDataProvider<Consignment, String>(
                q -> logistics.consignments(new ConsignmentFilter(q.getFilter().orElse(null), org, null, null, null),
                        new PageRequest(q.getLimit(), q.getOffset()), false,
                        GridSort.order(q, ORDERS, ConsignmentOrder.DECLARED_NEWEST)).nodes().stream(),
                q -> Math.toIntExact(logistics.consignments(new ConsignmentFilter(q.getFilter().orElse(null), org, null, null, null),
                        new PageRequest(0, 0), true).totalCount())).withConfigurableFilter();
        grid.setId("consignments");
        grid.addColumn(Consignment::declarationNumber).setHeader(getTranslation("consignment.number")).setAutoWidth(true)
                .setKey("number").setSortable(true);
        grid.addColumn(Consignment::status).setHeader(getTranslation("consignment.status")).setKey("status").setSortable(true);
        grid.addColumn(Consignment::declaredOn).setHeader(getTranslation("consignment.declaredOn")).setKey("declared").setSortable(true);
        grid.addColumn(Consignment::releasedOn).setHeader(getTranslation("consignment.releasedOn")).setKey("released").setSortable(true);
        grid.addColumn(Consignment::shipmentNumber).setHeader(getTranslation("shipment.number"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("320px");
        grid.setItems(data);
        status.addValueChangeListener(e -> data.setFilter(e.getValue()));
        details.setId("consignment-details");
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(logistics, e.getValue()));

        add(new H2(getTranslation("nav.consignments")), status, grid, details, declareForm(logistics, workflow, data));
    }

    private void showDetails(LogisticsService logistics, Consignment c) {
        details.removeAll();
        if (c == null) {
            return;
        }
        details.add(new H4(getTranslation("consignment.number") + " " + c.declarationNumber() + " · " + c.status()));
        logistics.declaredItemsOfConsignments(List.of(c.declarationNumber())).getOrDefault(c.declarationNumber(), List.of())
                .forEach(item -> details.add(new Div(item.batch().lot() + " · " + item.batch().gtin() + " × " + item.quantity())));
        logistics.documentsOfConsignments(List.of(c.declarationNumber())).getOrDefault(c.declarationNumber(), List.of())
                .forEach(d -> details.add(new Div(d.kind() + " " + d.number() + (d.title() == null ? "" : " · " + d.title()))));
    }

    private Details declareForm(LogisticsService logistics, LogisticsWorkflowService workflow,
                                ConfigurableFilterDataProvider<Consignment, Void, String> data) {
        TextField number = new TextField(getTranslation("consignment.number"));
        number.setId("declare-number");
        number.setValueChangeMode(ValueChangeMode.EAGER);
        TextField shipment = new TextField(getTranslation("shipment.number"));
        shipment.setId("declare-shipment");
        ComboBox<Location> port = new ComboBox<>(getTranslation("consignment.arrivalPort"));
        port.setItems(logistics.locations(null));
        port.setItemLabelGenerator(l -> l.name() + " · " + l.gln());
        DatePicker arrival = new DatePicker(getTranslation("consignment.expectedArrival"));
        Binder<Void> checks = new Binder<>();
        checks.forField(number).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[A-Za-z0-9-]{6,40}"), getTranslation("consignment.numberFormat"))
                .bind(x -> number.getValue(), (x, v) -> { });
        checks.forField(shipment).asRequired(getTranslation("form.required")).bind(x -> shipment.getValue(), (x, v) -> { });
        checks.forField(port).asRequired(getTranslation("form.required")).bind(x -> port.getValue(), (x, v) -> { });

        TextField itemBatch = new TextField(getTranslation("certificate.batch"));
        itemBatch.setHelperText("GTIN/lot");
        IntegerField itemQuantity = new IntegerField(getTranslation("batch.units"));
        itemQuantity.setMin(1);
        DatePicker itemProduced = new DatePicker(getTranslation("batch.produced"));
        DatePicker itemExpires = new DatePicker(getTranslation("batch.expires"));
        Div itemList = new Div();
        Button addItem = new Button(getTranslation("consignment.addItem"), e -> {
            if (itemBatch.isEmpty() || itemQuantity.getValue() == null || itemQuantity.getValue() < 1) {
                itemQuantity.setInvalid(true);
                return;
            }
            items.add(new DeclaredItemInput(GlobalId.of(Batch.TYPE, itemBatch.getValue().strip()), itemQuantity.getValue(),
                    itemProduced.getValue(), itemExpires.getValue()));
            itemList.add(new Div(itemBatch.getValue() + " × " + itemQuantity.getValue()));
            itemBatch.clear();
            itemQuantity.clear();
        });

        Select<String> docKind = new Select<>();
        docKind.setLabel(getTranslation("document.kind"));
        docKind.setItems("COMMERCIAL_INVOICE", "PACKING_LIST", "BILL_OF_LADING", "HEALTH_CERTIFICATE", "ORIGIN_CERTIFICATE");
        TextField docNumber = new TextField(getTranslation("document.number"));
        TextField docTitle = new TextField(getTranslation("document.title"));
        Div docList = new Div();
        Button addDoc = new Button(getTranslation("consignment.addDocument"), e -> {
            if (docKind.isEmpty() || docNumber.isEmpty()) {
                docNumber.setInvalid(true);
                return;
            }
            documents.add(new DocumentInput(docNumber.getValue().strip(), docKind.getValue(), docTitle.getValue(), LocalDate.now()));
            docList.add(new Div(docKind.getValue() + " " + docNumber.getValue()));
            docNumber.clear();
            docTitle.clear();
        });

        errors.field("declarationNumber", number).field("shipment", shipment).field("arrivalPort", port);
        declared.setId("declared");
        Button declare = new Button(getTranslation("consignment.declare"), e -> {
            errors.clear();
            declared.setText("");
            if (!checks.validate().isOk()) {
                return;
            }
            try {
                var outcome = workflow.declareConsignment(new ConsignmentDeclareInput(number.getValue().strip(),
                        GlobalId.of(Shipment.TYPE, shipment.getValue().strip()), port.getValue().gln(), arrival.getValue(),
                        List.copyOf(documents), List.copyOf(items), UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    declared.setText(getTranslation("consignment.declared", outcome.value().declarationNumber(), outcome.value().status()));
                    items.clear();
                    documents.clear();
                    itemList.removeAll();
                    docList.removeAll();
                    data.refreshAll();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        declare.setId("declare-consignment");
        declare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout itemRow = new HorizontalLayout(itemBatch, itemQuantity, itemProduced, itemExpires, addItem);
        itemRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        itemRow.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout docRow = new HorizontalLayout(docKind, docNumber, docTitle, addDoc);
        docRow.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        docRow.getStyle().set("flex-wrap", "wrap");
        return new Details(getTranslation("consignment.declare"), new VerticalLayout(new FormLayout(number, shipment, port, arrival),
                new H4(getTranslation("consignment.items")), itemRow, itemList,
                new H4(getTranslation("consignment.documents")), docRow, docList, declare, errors, declared));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.consignments") + " · CrossTrace";
    }
}
