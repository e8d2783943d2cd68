package io.crosstrace.workspace.admin;

import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.security.Role;
import io.crosstrace.hub.security.UserAdminService;
import io.crosstrace.workspace.common.UserErrorsBox;

/** Platform administrators create partner users and disable or enable them (which also revokes their tokens). */
@RolesAllowed({"PLATFORM_ADMIN"})
@Route("admin/users")
public class UsersView extends VerticalLayout implements HasDynamicTitle {

    final UserErrorsBox errors = new UserErrorsBox();
    final Span done = new Span();

    public UsersView(UserAdminService users) {
        setMaxWidth("760px");
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
        Button disable = new Button(getTranslation("user.disable"), e -> show(users.disable(existing.getValue().strip()), "user.disabled"));
        disable.setId("disable-user");
        disable.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button enable = new Button(getTranslation("user.enable"), e -> show(users.enable(existing.getValue().strip()), "user.enabled"));
        enable.setId("enable-user");
        HorizontalLayout manage = new HorizontalLayout(existing, disable, enable);
        manage.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        manage.getStyle().set("flex-wrap", "wrap");
        done.setId("user-done");
        add(new H2(getTranslation("nav.users")), new H3(getTranslation("user.create")),
                new FormLayout(username, password, organization, roles), create,
                new H3(getTranslation("user.manage")), manage, errors, done);
    }

    private void show(UserAdminService.Outcome outcome, String doneKey) {
        errors.clear();
        done.setText("");
        java.util.List<UserError> problems = outcome.userErrors() == null ? java.util.List.of() : outcome.userErrors();
        errors.show(problems);
        if (problems.isEmpty() && outcome.user() != null) {
            done.setText(getTranslation(doneKey, outcome.user().username()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.users") + " · CrossTrace";
    }
}
