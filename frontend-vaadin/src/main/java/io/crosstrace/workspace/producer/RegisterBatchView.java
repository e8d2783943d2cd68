package io.crosstrace.workspace.producer;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.batch.BatchRegistrationService;
import io.crosstrace.hub.batch.BatchRegistrationService.BatchCreateInput;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * A producer records a new batch: one of its approved products, made at one of its premises. The form checks what
 * it can as the producer types; the registration service decides (approval, ownership, dates) and its user errors
 * show on the form.
 */
@RolesAllowed({"PRODUCER"})
@Route("producer/batches/new")
public class RegisterBatchView extends VerticalLayout implements HasDynamicTitle {

    /** The form's bean. */
    public static class Draft {
        private Product product;
        private String lot;
        private Premises premises;
        private LocalDate productionDate = LocalDate.now();
        private LocalDate expiryDate;

        public Product getProduct() { return product; }
        public void setProduct(Product product) { this.product = product; }
        public String getLot() { return lot; }
        public void setLot(String lot) { this.lot = lot; }
        public Premises getPremises() { return premises; }
        public void setPremises(Premises premises) { this.premises = premises; }
        public LocalDate getProductionDate() { return productionDate; }
        public void setProductionDate(LocalDate productionDate) { this.productionDate = productionDate; }
        public LocalDate getExpiryDate() { return expiryDate; }
        public void setExpiryDate(LocalDate expiryDate) { this.expiryDate = expiryDate; }
    }

    final ComboBox<Product> product = new ComboBox<>();
    final TextField lot = new TextField();
    final ComboBox<Premises> premises = new ComboBox<>();
    final DatePicker produced = new DatePicker();
    final DatePicker expires = new DatePicker();
    final Button save = new Button();
    final UserErrorsBox errors = new UserErrorsBox();
    final Span saved = new Span();
    final Binder<Draft> binder = new Binder<>(Draft.class);

    public RegisterBatchView(RegistryService registry, BatchRegistrationService registration) {
        setMaxWidth("760px");
        String org = CurrentActor.get().organizationGln();
        product.setId("batch-product");
        product.setLabel(getTranslation("batchNew.product"));
        product.setItems(registry.products(org, null, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0), false).nodes());
        product.setItemLabelGenerator(p -> p.gtin() + " · " + ("zh".equals(getLocale().getLanguage()) && p.nameZh() != null ? p.nameZh() : p.nameEn()));
        lot.setId("batch-lot");
        lot.setLabel(getTranslation("batch.lot"));
        lot.setValueChangeMode(ValueChangeMode.EAGER);
        lot.setMaxLength(20);
        premises.setId("batch-premises");
        premises.setLabel(getTranslation("batchNew.premises"));
        premises.setItems(registry.premisesList(org, null, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0), false).nodes());
        premises.setItemLabelGenerator(p -> p.name() + " · " + p.gln());
        produced.setId("batch-produced");
        produced.setLabel(getTranslation("batch.produced"));
        expires.setId("batch-expires");
        expires.setLabel(getTranslation("batch.expires"));

        binder.forField(product).asRequired(getTranslation("form.required")).bind(Draft::getProduct, Draft::setProduct);
        // GS1 lot: up to 20 characters of the GS1 AI encodable set; the service checks it again.
        binder.forField(lot).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[!\"%-?A-Z_a-z]{1,20}"), getTranslation("batchNew.lotFormat"))
                .bind(Draft::getLot, Draft::setLot);
        binder.forField(premises).asRequired(getTranslation("form.required")).bind(Draft::getPremises, Draft::setPremises);
        binder.forField(produced).asRequired(getTranslation("form.required"))
                .withValidator(d -> !d.isAfter(LocalDate.now()), getTranslation("batchNew.notFuture"))
                .bind(Draft::getProductionDate, Draft::setProductionDate);
        binder.forField(expires).asRequired(getTranslation("form.required"))
                .withValidator(d -> produced.getValue() == null || d.isAfter(produced.getValue()), getTranslation("batchNew.expiryAfter"))
                .bind(Draft::getExpiryDate, Draft::setExpiryDate);
        Draft draft = new Draft();
        binder.setBean(draft);
        errors.field("gtin", product).field("lot", lot).field("premises", premises)
                .field("productionDate", produced).field("expiryDate", expires);

        save.setText(getTranslation("batchNew.save"));
        save.setId("batch-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        saved.setId("batch-saved");
        save.addClickListener(e -> {
            saved.setText("");
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                var outcome = registration.create(new BatchCreateInput(draft.getProduct().gtin(), draft.getLot(),
                        draft.getPremises().gln(), draft.getProductionDate(),
                        draft.getExpiryDate(), UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    saved.setText(getTranslation("batchNew.saved", outcome.value().lot()));
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });

        FormLayout form = new FormLayout(product, lot, premises, produced, expires);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        add(new H2(getTranslation("nav.batchNew")), form, save, errors, saved);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.batchNew") + " · CrossTrace";
    }
}
