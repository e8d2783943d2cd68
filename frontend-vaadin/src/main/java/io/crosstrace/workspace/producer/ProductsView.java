package io.crosstrace.workspace.producer;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Product;
import io.crosstrace.hub.registry.ProductOrder;
import io.crosstrace.hub.registry.RegistrationInputs.ProductFileInput;
import io.crosstrace.hub.registry.RegistrationService;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/** A producer's products (lazily listed) and the record filing of new ones, assessed by the platform. */
@RolesAllowed({"PRODUCER"})
@Route("producer/products")
public class ProductsView extends VerticalLayout implements HasDynamicTitle {

    /** The filing form's bean. */
    public static class Draft {
        private String gtin = "";
        private String nameEn = "";
        private String nameZh = "";
        private String brand = "";
        private String category = "";
        private Integer shelfLifeDays = 540;
        private String labelText = "";

        public String getGtin() { return gtin; }
        public void setGtin(String gtin) { this.gtin = gtin; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getBrand() { return brand; }
        public void setBrand(String brand) { this.brand = brand; }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = category; }
        public Integer getShelfLifeDays() { return shelfLifeDays; }
        public void setShelfLifeDays(Integer shelfLifeDays) { this.shelfLifeDays = shelfLifeDays; }
        public String getLabelText() { return labelText; }
        public void setLabelText(String labelText) { this.labelText = labelText; }
    }

    final Grid<Product> grid = new Grid<>(Product.class, false);
    final UserErrorsBox errors = new UserErrorsBox();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, ProductOrder[]> ORDERS = Map.of(
            "gtin", new ProductOrder[] {ProductOrder.GTIN_ASCENDING, ProductOrder.GTIN_DESCENDING},
            "name", new ProductOrder[] {ProductOrder.NAME_ASCENDING, ProductOrder.NAME_DESCENDING},
            "brand", new ProductOrder[] {ProductOrder.BRAND_ASCENDING, ProductOrder.BRAND_DESCENDING},
            "category", new ProductOrder[] {ProductOrder.CATEGORY_ASCENDING, ProductOrder.CATEGORY_DESCENDING});

    public ProductsView(RegistryService registry, RegistrationService registration) {
        setSizeFull();
        String org = CurrentActor.get().organizationGln();
        boolean chinese = "zh".equals(getLocale().getLanguage());
        grid.addColumn(Product::gtin).setHeader("GTIN").setAutoWidth(true).setKey("gtin").setSortable(true);
        grid.addColumn(p -> chinese && p.nameZh() != null ? p.nameZh() : p.nameEn()).setHeader(getTranslation("product.name")).setFlexGrow(2)
                .setKey("name").setSortable(true);
        grid.addColumn(Product::brand).setHeader(getTranslation("product.brand")).setKey("brand").setSortable(true);
        grid.addColumn(Product::category).setHeader(getTranslation("product.category")).setKey("category").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> registry.products(org, null, new PageRequest(query.getLimit(), query.getOffset()), false,
                        GridSort.order(query, ORDERS, ProductOrder.GTIN_ASCENDING)).nodes().stream());

        TextField gtin = new TextField("GTIN");
        gtin.setValueChangeMode(ValueChangeMode.EAGER);
        TextField nameEn = new TextField(getTranslation("product.nameEn"));
        TextField nameZh = new TextField(getTranslation("product.nameZh"));
        TextField brand = new TextField(getTranslation("product.brand"));
        TextField category = new TextField(getTranslation("product.category"));
        IntegerField shelfLife = new IntegerField(getTranslation("product.shelfLife"));
        TextArea labelText = new TextArea(getTranslation("product.labelText"));
        labelText.setId("product-label");
        labelText.setMaxLength(10_000);
        gtin.setId("product-gtin");
        nameEn.setId("product-name-en");
        nameZh.setId("product-name-zh");
        category.setId("product-category");
        Binder<Draft> binder = new Binder<>(Draft.class);
        binder.forField(gtin).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("\\d{8}|\\d{12,14}"), getTranslation("form.gtin")).bind(Draft::getGtin, Draft::setGtin);
        binder.forField(nameEn).asRequired(getTranslation("form.required")).bind(Draft::getNameEn, Draft::setNameEn);
        binder.forField(nameZh).asRequired(getTranslation("form.required")).bind(Draft::getNameZh, Draft::setNameZh);
        binder.forField(brand).bind(Draft::getBrand, Draft::setBrand);
        binder.forField(category).asRequired(getTranslation("form.required")).bind(Draft::getCategory, Draft::setCategory);
        binder.forField(shelfLife).withValidator(new IntegerRangeValidator(getTranslation("product.shelfLifeRange"), 1, 3650))
                .bind(Draft::getShelfLifeDays, Draft::setShelfLifeDays);
        binder.forField(labelText).asRequired(getTranslation("product.labelRequired"))
                .bind(Draft::getLabelText, Draft::setLabelText);
        Draft draft = new Draft();
        binder.setBean(draft);
        errors.field("gtin", gtin).field("nameEn", nameEn).field("nameZh", nameZh).field("category", category)
                .field("labelText", labelText);
        Span done = new Span();
        done.setId("product-done");
        Button file = new Button(getTranslation("product.file"), e -> {
            done.setText("");
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                var outcome = registration.fileProduct(new ProductFileInput(draft.getGtin(), draft.getNameEn(), draft.getNameZh(),
                        draft.getBrand(), null, draft.getCategory(), draft.getLabelText(), draft.getShelfLifeDays(), UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    done.setText(getTranslation("application.submitted", outcome.value().number()));
                    grid.getDataProvider().refreshAll();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        file.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        file.setId("product-file");
        FormLayout form = new FormLayout(gtin, nameEn, nameZh, brand, category, shelfLife, labelText);
        add(new H2(getTranslation("nav.products")), new Details(getTranslation("product.file"),
                new VerticalLayout(form, file, errors, done)), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.products") + " · CrossTrace";
    }
}
