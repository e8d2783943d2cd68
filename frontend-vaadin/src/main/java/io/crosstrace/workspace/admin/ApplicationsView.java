package io.crosstrace.workspace.admin;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Application;
import io.crosstrace.hub.registry.ApplicationOrder;
import io.crosstrace.hub.registry.RegistrationService;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/** Applications to assess (organizations, premises, product filings): approve, or reject with a reason. */
@RolesAllowed({"PLATFORM_ADMIN", "INSPECTOR"})
@Route("admin/applications")
public class ApplicationsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Application> grid = new Grid<>(Application.class, false);
    final UserErrorsBox errors = new UserErrorsBox();
    final Span done = new Span();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, ApplicationOrder[]> ORDERS = Map.of(
            "number", new ApplicationOrder[] {ApplicationOrder.NUMBER_ASCENDING, ApplicationOrder.NUMBER_DESCENDING},
            "kind", new ApplicationOrder[] {ApplicationOrder.KIND_ASCENDING, ApplicationOrder.KIND_DESCENDING},
            "submitted", new ApplicationOrder[] {ApplicationOrder.SUBMITTED_OLDEST, ApplicationOrder.SUBMITTED_NEWEST});

    public ApplicationsView(RegistrationService registration) {
        setSizeFull();
        Select<String> status = new Select<>();
        status.setLabel(getTranslation("consignment.status"));
        status.setItems(RegistrationService.PENDING, RegistrationService.APPROVED, RegistrationService.REJECTED);
        status.setValue(RegistrationService.PENDING);
        ConfigurableFilterDataProvider<Application, Void, String> data = new CallbackDataProvider<Application, String>(
                q -> registration.applications(q.getFilter().orElse(null), null, new PageRequest(q.getLimit(), q.getOffset()), false,
                        GridSort.order(q, ORDERS, ApplicationOrder.SUBMITTED_NEWEST)).nodes().stream(),
                q -> Math.toIntExact(registration.applications(q.getFilter().orElse(null), null, new PageRequest(0, 0), true).totalCount()))
                .withConfigurableFilter();
        data.setFilter(RegistrationService.PENDING);
        status.addValueChangeListener(e -> data.setFilter(e.getValue()));
        grid.setId("applications");
        grid.addColumn(Application::number).setHeader(getTranslation("application.number")).setAutoWidth(true)
                .setKey("number").setSortable(true);
        grid.addColumn(Application::kind).setHeader(getTranslation("audit.kind")).setKey("kind").setSortable(true);
        grid.addColumn(Application::status).setHeader(getTranslation("consignment.status"));
        grid.addColumn(a -> a.subjectType() + " " + a.subjectKey()).setHeader(getTranslation("audit.subject"));
        grid.addColumn(Application::applicantGln).setHeader(getTranslation("application.applicant"));
        grid.addColumn(a -> a.submittedAt() == null ? "" : a.submittedAt().toLocalDate().toString()).setHeader(getTranslation("application.submittedAt"))
                .setKey("submitted").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(data);

        TextField reason = new TextField(getTranslation("application.reason"));
        reason.setId("assess-reason");
        Button approve = new Button(getTranslation("application.approve"), e -> assess(registration, "APPROVE", reason.getValue(), data));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("application.reject"), e -> assess(registration, "REJECT", reason.getValue(), data));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(reason, approve, reject);
        actions.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        actions.getStyle().set("flex-wrap", "wrap");
        add(new H2(getTranslation("nav.applications")), status, grid, actions, errors, done);
    }

    private void assess(RegistrationService registration, String decision, String reason,
                        ConfigurableFilterDataProvider<Application, Void, String> data) {
        errors.clear();
        done.setText("");
        Application selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            errors.show(new IllegalArgumentException(getTranslation("application.pick")));
            return;
        }
        try {
            var outcome = registration.assess(selected.number(), decision, reason == null || reason.isBlank() ? List.of() : List.of(reason));
            if (errors.show(outcome)) {
                done.setText(getTranslation("application.assessed", selected.number(), outcome.value().status()));
                data.refreshAll();
            }
        } catch (RuntimeException refused) {
            errors.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.applications") + " · CrossTrace";
    }
}
