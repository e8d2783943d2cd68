package io.crosstrace.workspace.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.UserAdminService.UserView;
import io.crosstrace.hub.security.UserAdminService;
import io.crosstrace.hub.security.UserFilter;
import io.crosstrace.hub.security.UserOrder;
import io.crosstrace.workspace.common.Badges;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * Platform administrators list users (lazily, filtered and sorted by the service), create partner users, and
 * disable or enable them (which also revokes their tokens). Picking a row fills the user to disable or enable.
 */
@RolesAllowed({"PLATFORM_ADMIN"})
@Route("admin/users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, UserOrder[]> ORDERS = Map.of(
            "username", new UserOrder[] {UserOrder.USERNAME_ASCENDING, UserOrder.USERNAME_DESCENDING},
            "organization", new UserOrder[] {UserOrder.ORGANIZATION_ASCENDING, UserOrder.ORGANIZATION_DESCENDING},
            "enabled", new UserOrder[] {UserOrder.DISABLED_FIRST, UserOrder.ENABLED_FIRST});

    final UserErrorsBox errors = new UserErrorsBox();
    final Span done = new Span();
    final Grid<UserView> grid = new Grid<>(UserView.class, false);
    final TextField search = new TextField();
    final Select<Role> roleFilter = new Select<>();
    final Select<Boolean> enabledFilter = new Select<>();
    private final ConfigurableFilterDataProvider<UserView, Void, UserFilter> data;

    public UsersView(UserAdminService users) {
        setSizeFull();
        search.setId("user-search");
        search.setPlaceholder(getTranslation("user.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        roleFilter.setId("user-role-filter");
        roleFilter.setLabel(getTranslation("organization.role"));
        roleFilter.setItems(Role.values());
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.setEmptySelectionCaption(getTranslation("filter.all"));
        enabledFilter.setId("user-enabled-filter");
        enabledFilter.setLabel(getTranslation("user.state"));
        enabledFilter.setItems(Boolean.TRUE, Boolean.FALSE);
        enabledFilter.setItemLabelGenerator(b -> getTranslation(Boolean.TRUE.equals(b) ? "user.stateEnabled" : "user.stateDisabled"));
        enabledFilter.setEmptySelectionAllowed(true);
        enabledFilter.setEmptySelectionCaption(getTranslation("filter.all"));
        FlexLayout filters = new FlexLayout(search, roleFilter, enabledFilter);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(Alignment.BASELINE);
        filters.getStyle().set("gap", "var(--lumo-space-s)");

        grid.setId("users");
        grid.addColumn(UserView::username).setHeader(getTranslation("user.username")).setKey("username").setSortable(true)
                .setAutoWidth(true);
        grid.addColumn(UserView::organizationGln).setHeader(getTranslation("user.organization")).setKey("organization")
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles().stream().map(Role::name).sorted().toList()))
                .setHeader(getTranslation("organization.role"));
        grid.addComponentColumn(u -> Badges.state(u.enabled(), getTranslation(u.enabled() ? "user.stateEnabled" : "user.stateDisabled")))
                .setHeader(getTranslation("user.state")).setKey("enabled").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setMultiSort(false);
        grid.setMinHeight("320px");
        data = new CallbackDataProvider<UserView, UserFilter>(
                q -> users.users(q.getFilter().orElse(UserFilter.none()), new PageRequest(q.getLimit(), q.getOffset()), false,
                        order(q)).nodes().stream(),
                q -> Math.toIntExact(users.users(q.getFilter().orElse(UserFilter.none()), new PageRequest(0, 0), true,
                        UserOrder.USERNAME_ASCENDING).totalCount()))
                .withConfigurableFilter();
        grid.setItems(data);
        search.addValueChangeListener(e -> refilter());
        roleFilter.addValueChangeListener(e -> refilter());
        enabledFilter.addValueChangeListener(e -> refilter());

        TextField username = new TextField(getTranslation("user.username"));
        username.setId("new-username");
        username.setValueChangeMode(ValueChangeMode.EAGER);
        PasswordField password = new PasswordField(getTranslation("user.password"));
        password.setId("new-password");
        password.setValueChangeMode(ValueChangeMode.EAGER);
        TextField organization = new TextField(getTranslation("user.organization"));
        organization.setId("new-organization");
        CheckboxGroup<Role> roles = new CheckboxGroup<>(getTranslation("organization.role"));
        roles.setItems(Role.values());
        Binder<Void> checks = new Binder<>();
        checks.forField(username).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("[A-Za-z0-9._@-]{3,64}"), getTranslation("user.usernameFormat"))
                .bind(x -> username.getValue(), (x, v) -> { });
        checks.forField(password).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.length() >= 12, getTranslation("user.passwordLength"))
                .bind(x -> password.getValue(), (x, v) -> { });
        checks.forField(organization).asRequired(getTranslation("form.required"))
                .withValidator(v -> v.matches("\\d{13}"), getTranslation("form.gln")).bind(x -> organization.getValue(), (x, v) -> { });
        errors.field("username", username).field("password", password).field("organizationGln", organization);
        Button create = new Button(getTranslation("user.create"), e -> {
            errors.clear();
            done.setText("");
            if (!checks.validate().isOk()) {
                return;
            }
            show(users.create(username.getValue(), password.getValue(), organization.getValue(), Set.copyOf(roles.getValue()),
                    UUID.randomUUID().toString()), "user.created");
        });
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextField existing = new TextField(getTranslation("user.username"));
        existing.setId("existing-username");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                existing.setValue(e.getValue().username());
            }
        });
        Button disable = new Button(getTranslation("user.disable"), e -> show(users.disable(existing.getValue().strip()), "user.disabled"));
        disable.setId("disable-user");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button enable = new Button(getTranslation("user.enable"), e -> show(users.enable(existing.getValue().strip()), "user.enabled"));
        enable.setId("enable-user");
        HorizontalLayout manage = new HorizontalLayout(existing, disable, enable);
        manage.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        manage.getStyle().set("flex-wrap", "wrap");
        done.setId("user-done");
        FormLayout form = new FormLayout(username, password, organization, roles);
        form.setMaxWidth("760px");
        add(new H2(getTranslation("nav.users")), filters, grid, new H3(getTranslation("user.manage")), manage, errors, done,
                new H3(getTranslation("user.create")), form, create);
    }

    private void refilter() {
        data.setFilter(new UserFilter(search.getValue(), null, roleFilter.getValue(), enabledFilter.getValue()));
    }

    private static UserOrder order(Query<UserView, UserFilter> query) {
        return GridSort.order(query, ORDERS, UserOrder.USERNAME_ASCENDING);
    }

    private void show(UserAdminService.Outcome outcome, String doneKey) {
        errors.clear();
        done.setText("");
        List<UserError> problems = outcome.userErrors() == null ? List.of() : outcome.userErrors();
        errors.show(problems);
        if (problems.isEmpty() && outcome.user() != null) {
            done.setText(getTranslation(doneKey, outcome.user().username()));
            data.refreshAll();
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · CrossTrace";
    }
}
