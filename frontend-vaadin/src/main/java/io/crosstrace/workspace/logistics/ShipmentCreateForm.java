package io.crosstrace.workspace.logistics;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.logistics.Location;
import io.crosstrace.hub.logistics.LogisticsService;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.BatchQuantityInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService.ShipmentCreateInput;
import io.crosstrace.hub.logistics.LogisticsWorkflowService;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * Records a shipment through the same {@link LogisticsWorkflowService#createShipment} as the GraphQL
 * {@code shipmentCreate} mutation. The form checks formats as the user types, for comfort; the service decides
 * (certified batches, quantities left, known ports) and its {@code userErrors} show under the fields they name.
 */
class ShipmentCreateForm extends Details {

    final TextField number = new TextField();
    final TextField container = new TextField();
    final UserErrorsBox errors = new UserErrorsBox();
    final Span created = new Span();
    private final List<BatchQuantityInput> items = new ArrayList<>();

    ShipmentCreateForm(LogisticsService logistics, LogisticsWorkflowService workflow, Runnable onCreated) {
        setSummaryText(getTranslation("shipment.create"));
        number.setLabel(getTranslation("shipment.number"));
        number.setId("shipment-number");
        number.setValueChangeMode(ValueChangeMode.EAGER);
        container.setLabel(getTranslation("shipment.container"));
        container.setId("shipment-container");
        container.setHelperText("ISO 6346, e.g. MSCU1234565");
        container.setValueChangeMode(ValueChangeMode.EAGER);
        TextField vessel = new TextField(getTranslation("shipment.vessel"));
        vessel.setId("shipment-vessel");
        Select<String> mode = new Select<>();
        mode.setLabel(getTranslation("shipment.mode"));
        mode.setItems("SEA", "AIR");
        mode.setValue("SEA");
        List<Location> ports = logistics.locations(null);
        ComboBox<Location> loading = port(getTranslation("shipment.portOfLoading"), ports);
        loading.setId("shipment-loading");
        ComboBox<Location> discharge = port(getTranslation("shipment.portOfDischarge"), ports);
        discharge.setId("shipment-discharge");
        DatePicker departed = new DatePicker(getTranslation("shipment.departedOn"));

        Binder<Void> checks = new Binder<>();
        checks.forField(number).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[A-Za-z0-9-]{3,40}"), getTranslation("shipment.numberFormat"))
                .bind(x -> number.getValue(), (x, v) -> { });
        checks.forField(container).withValidator(v -> v.isEmpty() || v.matches("[A-Z]{4}\\d{7}"), getTranslation("shipment.containerFormat"))
                .bind(x -> container.getValue(), (x, v) -> { });
        checks.forField(loading).asRequired(getTranslation("form.required")).bind(x -> loading.getValue(), (x, v) -> { });
        checks.forField(discharge).asRequired(getTranslation("form.required"))
                .withValidator(v -> v == null || loading.getValue() == null || !v.gln().equals(loading.getValue().gln()),
                        getTranslation("shipment.samePorts"))
                .bind(x -> discharge.getValue(), (x, v) -> { });

        TextField itemBatch = new TextField(getTranslation("certificate.batch"));
        itemBatch.setId("shipment-item-batch");
        itemBatch.setHelperText("GTIN/lot");
        itemBatch.setValueChangeMode(ValueChangeMode.EAGER);
        IntegerField itemQuantity = new IntegerField(getTranslation("batch.units"));
        itemQuantity.setId("shipment-item-quantity");
        itemQuantity.setMin(1);
        Div itemList = new Div();
        itemList.setId("shipment-items");
        Button addItem = new Button(getTranslation("consignment.addItem"), e -> {
            boolean batchOk = itemBatch.getValue().strip().matches("\\d{8,14}/\\S+");
            boolean quantityOk = itemQuantity.getValue() != null && itemQuantity.getValue() > 0;
            itemBatch.setInvalid(!batchOk);
            itemBatch.setErrorMessage(batchOk ? null : getTranslation("shipment.batchFormat"));
            itemQuantity.setInvalid(!quantityOk);
            if (!batchOk || !quantityOk) {
                return;
            }
            items.add(new BatchQuantityInput(GlobalId.of(Batch.TYPE, itemBatch.getValue().strip()), itemQuantity.getValue()));
            itemList.add(new Div(itemBatch.getValue().strip() + " × " + itemQuantity.getValue()));
            itemBatch.clear();
            itemQuantity.clear();
        });
        addItem.setId("shipment-add-item");

        errors.field("number", number).field("container", container).field("portOfLoading", loading)
                .field("portOfDischarge", discharge).field("items", itemBatch);
        created.setId("shipment-created");
        Button create = new Button(getTranslation("shipment.create"), e -> {
            errors.clear();
            created.setText("");
            if (!checks.validate().isOk()) {
                return;
            }
            try {
                var outcome = workflow.createShipment(new ShipmentCreateInput(number.getValue().strip(),
                        blankToNull(container.getValue()), null, null, blankToNull(vessel.getValue()), null, mode.getValue(),
                        loading.getValue().gln(), discharge.getValue().gln(), departed.getValue(), List.copyOf(items),
                        UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    Shipment shipment = outcome.value();
                    created.setText(getTranslation("shipment.created", shipment.number()));
                    items.clear();
                    itemList.removeAll();
                    onCreated.run();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        create.setId("create-shipment");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout itemRow = new HorizontalLayout(itemBatch, itemQuantity, addItem);
        itemRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        itemRow.getStyle().set("flex-wrap", "wrap");
        add(new VerticalLayout(new FormLayout(number, container, vessel, mode, loading, discharge, departed),
                new H4(getTranslation("shipment.items")), itemRow, itemList, create, errors, created));
    }

    private static ComboBox<Location> port(String label, List<Location> ports) {
        ComboBox<Location> port = new ComboBox<>(label);
        port.setItems(ports);
        port.setItemLabelGenerator(l -> l.name() + " · " + l.gln());
        return port;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
