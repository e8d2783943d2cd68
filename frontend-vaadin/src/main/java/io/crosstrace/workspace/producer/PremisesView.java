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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.PremisesOrder;
import io.crosstrace.hub.registry.RegistrationInputs.PremisesRegisterInput;
import io.crosstrace.hub.registry.RegistrationService;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/** A producer's premises (lazily listed) and the registration of new ones, assessed by the platform. */
@RolesAllowed({"PRODUCER"})
@Route("producer/premises")
public class PremisesView extends VerticalLayout implements HasDynamicTitle {

    /** The registration form's bean. */
    public static class Draft {
        private String gln = "";
        private String name = "";
        private String address = "";
        private String city = "";
        private String country = "";
        private String registrationNumber = "";

        public String getGln() { return gln; }
        public void setGln(String gln) { this.gln = gln; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getAddress() { return address; }
        public void setAddress(String address) { this.address = address; }
        public String getCity() { return city; }
        public void setCity(String city) { this.city = city; }
        public String getCountry() { return country; }
        public void setCountry(String country) { this.country = country; }
        public String getRegistrationNumber() { return registrationNumber; }
        public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    }

    final Grid<Premises> grid = new Grid<>(Premises.class, false);
    final UserErrorsBox errors = new UserErrorsBox();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, PremisesOrder[]> ORDERS = Map.of(
            "name", new PremisesOrder[] {PremisesOrder.NAME_ASCENDING, PremisesOrder.NAME_DESCENDING},
            "gln", new PremisesOrder[] {PremisesOrder.GLN_ASCENDING, PremisesOrder.GLN_DESCENDING},
            "city", new PremisesOrder[] {PremisesOrder.CITY_ASCENDING, PremisesOrder.CITY_DESCENDING},
            "country", new PremisesOrder[] {PremisesOrder.COUNTRY_ASCENDING, PremisesOrder.COUNTRY_DESCENDING});

    public PremisesView(RegistryService registry, RegistrationService registration) {
        setSizeFull();
        String org = CurrentActor.get().organizationGln();
        grid.setId("premises");
        grid.addColumn(Premises::name).setHeader(getTranslation("premises.name")).setAutoWidth(true).setKey("name").setSortable(true);
        grid.addColumn(Premises::gln).setHeader("GLN").setAutoWidth(true).setKey("gln").setSortable(true);
        grid.addColumn(Premises::city).setHeader(getTranslation("premises.city")).setKey("city").setSortable(true);
        grid.addColumn(Premises::country).setHeader(getTranslation("premises.country")).setKey("country").setSortable(true);
        grid.addColumn(Premises::status).setHeader(getTranslation("consignment.status"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(query -> registry.premisesList(org, null, new PageRequest(query.getLimit(), query.getOffset()), false,
                        GridSort.order(query, ORDERS, PremisesOrder.GLN_ASCENDING)).nodes().stream());

        TextField gln = new TextField("GLN");
        TextField name = new TextField(getTranslation("premises.name"));
        TextField address = new TextField(getTranslation("premises.address"));
        TextField city = new TextField(getTranslation("premises.city"));
        TextField country = new TextField(getTranslation("premises.country"));
        TextField registrationNumber = new TextField(getTranslation("premises.registrationNumber"));
        registrationNumber.setId("premises-registration");
        registrationNumber.setValueChangeMode(ValueChangeMode.EAGER);
        gln.setValueChangeMode(ValueChangeMode.EAGER);
        country.setValueChangeMode(ValueChangeMode.EAGER);
        gln.setId("premises-gln");
        name.setId("premises-name");
        city.setId("premises-city");
        country.setId("premises-country");
        Binder<Draft> binder = new Binder<>(Draft.class);
        binder.forField(gln).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("\\d{13}"), getTranslation("form.gln")).bind(Draft::getGln, Draft::setGln);
        binder.forField(name).asRequired(getTranslation("form.required")).bind(Draft::getName, Draft::setName);
        binder.forField(address).bind(Draft::getAddress, Draft::setAddress);
        binder.forField(city).bind(Draft::getCity, Draft::setCity);
        binder.forField(country).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[A-Z]{2}"), getTranslation("form.country")).bind(Draft::getCountry, Draft::setCountry);
        binder.forField(registrationNumber).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[A-Za-z0-9/ -]{4,40}"), getTranslation("premises.registrationFormat"))
                .bind(Draft::getRegistrationNumber, Draft::setRegistrationNumber);
        Draft draft = new Draft();
        binder.setBean(draft);
        errors.field("gln", gln).field("name", name).field("country", country)
                .field("registrationNumber", registrationNumber);
        Span done = new Span();
        done.setId("premises-done");
        Button register = new Button(getTranslation("premises.register"), e -> {
            done.setText("");
            if (!binder.validate().isOk()) {
                return;
            }
            try {
                var outcome = registration.registerPremises(new PremisesRegisterInput(draft.getGln(), draft.getName(), null,
                        draft.getAddress(), draft.getCity(), draft.getCountry(), null, null, draft.getRegistrationNumber().strip(),
                        UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    done.setText(getTranslation("application.submitted", outcome.value().number()));
                    grid.getDataProvider().refreshAll();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setId("premises-register");
        FormLayout form = new FormLayout(gln, name, address, city, country, registrationNumber);
        Details registerPremises = new Details(getTranslation("premises.register"), new VerticalLayout(form, register, errors, done));
        add(new H2(getTranslation("nav.premises")), registerPremises, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.premises") + " · CrossTrace";
    }
}
