package io.crosstrace.workspace.admin;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.risk.BlacklistService;
import io.crosstrace.hub.risk.BlacklistService.BlacklistAddInput;
import io.crosstrace.hub.risk.BlacklistService.BlacklistRemoveInput;
import io.crosstrace.hub.risk.Blacklisting;
import io.crosstrace.workspace.common.UserErrorsBox;

/** The blacklist: who is on it and why; add an organization or premises with a reason, remove with a note. */
@RolesAllowed({"PLATFORM_ADMIN", "INSPECTOR"})
@Route("admin/blacklist")
public class BlacklistView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Blacklisting> grid = new Grid<>(Blacklisting.class, false);
    final UserErrorsBox errors = new UserErrorsBox();
    final Span done = new Span();

    public BlacklistView(BlacklistService blacklist) {
        Checkbox activeOnly = new Checkbox(getTranslation("blacklist.activeOnly"), true);
        grid.setId("blacklist");
        grid.addColumn(Blacklisting::targetLabel).setHeader(getTranslation("audit.kind"));
        grid.addColumn(Blacklisting::targetGln).setHeader("GLN").setAutoWidth(true);
        grid.addColumn(Blacklisting::reason).setHeader(getTranslation("recall.reason")).setFlexGrow(3);
        grid.addColumn(b -> b.since() == null ? "" : b.since().toLocalDate().toString()).setHeader(getTranslation("blacklist.since"));
        grid.addColumn(b -> b.active() ? "✓" : "").setHeader(getTranslation("blacklist.active"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("300px");
        Runnable load = () -> grid.setItems(blacklist.list(activeOnly.getValue() ? Boolean.TRUE : null));
        activeOnly.addValueChangeListener(e -> load.run());
        load.run();

        RadioButtonGroup<String> target = new RadioButtonGroup<>(getTranslation("blacklist.target"));
        target.setItems("Organization", "Premises");
        target.setValue("Organization");
        TextField gln = new TextField("GLN");
        gln.setId("blacklist-gln");
        TextField reason = new TextField(getTranslation("recall.reason"));
        reason.setId("blacklist-reason");
        errors.field("organization", gln).field("premises", gln).field("reason", reason);
        Button add = new Button(getTranslation("blacklist.add"), e -> {
            errors.clear();
            done.setText("");
            boolean organization = "Organization".equals(target.getValue());
            try {
                var outcome = blacklist.add(new BlacklistAddInput(organization ? GlobalId.of(Organization.TYPE, gln.getValue().strip()) : null,
                        organization ? null : gln.getValue().strip(), reason.getValue(), UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    done.setText(getTranslation("blacklist.added", gln.getValue()));
                    load.run();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        add.setId("blacklist-add");
        add.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        TextField note = new TextField(getTranslation("blacklist.note"));
        Button remove = new Button(getTranslation("blacklist.remove"), e -> {
            errors.clear();
            done.setText("");
            Blacklisting selected = grid.asSingleSelect().getValue();
            if (selected == null) {
                errors.show(new IllegalArgumentException(getTranslation("application.pick")));
                return;
            }
            try {
                var outcome = blacklist.remove(new BlacklistRemoveInput(GlobalId.of(Blacklisting.TYPE, selected.key()), note.getValue()));
                if (errors.show(outcome)) {
                    done.setText(getTranslation("blacklist.removed", selected.targetGln()));
                    load.run();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        HorizontalLayout adding = new HorizontalLayout(target, gln, reason, add);
        adding.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        adding.getStyle().set("flex-wrap", "wrap");
        HorizontalLayout removing = new HorizontalLayout(note, remove);
        removing.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2(getTranslation("nav.blacklist")), activeOnly, grid, new H3(getTranslation("blacklist.add")), adding,
                new H3(getTranslation("blacklist.remove")), removing, errors, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.blacklist") + " · CrossTrace";
    }
}
