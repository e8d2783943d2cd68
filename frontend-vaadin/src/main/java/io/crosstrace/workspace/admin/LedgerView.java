package io.crosstrace.workspace.admin;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.ledger.LedgerEntry;
import io.crosstrace.hub.ledger.LedgerReadService;
import io.crosstrace.hub.ledger.LedgerVerification;
import io.crosstrace.workspace.common.Badges;
import io.crosstrace.workspace.common.BackgroundWork;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * The tamper-evident ledger: its latest entries, and a full verification (every hash and checkpoint recomputed)
 * run in the background, since it reads every entry.
 */
@RolesAllowed({"PLATFORM_ADMIN", "ANALYST"})
@Route("admin/ledger")
public class LedgerView extends VerticalLayout implements HasDynamicTitle {

    final Div verdict = new Div();
    final ProgressBar progress = new ProgressBar();
    final UserErrorsBox errors = new UserErrorsBox();
    final Grid<LedgerEntry> entries = new Grid<>(LedgerEntry.class, false);

    public LedgerView(LedgerReadService ledger) {
        setSizeFull();
        verdict.setId("ledger-verdict");
        progress.setVisible(false);
        Button verify = new Button(getTranslation("ledger.verify"), e -> verify(ledger, e.getSource()));
        verify.setId("verify-ledger");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        entries.setId("ledger-entries");
        entries.addColumn(LedgerEntry::seq).setHeader("#").setAutoWidth(true);
        entries.addColumn(e -> e.at() == null ? "" : e.at().toString()).setHeader(getTranslation("ledger.at")).setAutoWidth(true);
        entries.addColumn(LedgerEntry::actor).setHeader(getTranslation("ledger.actor"));
        entries.addColumn(LedgerEntry::action).setHeader(getTranslation("ledger.action"));
        entries.addColumn(LedgerEntry::target).setHeader(getTranslation("audit.subject")).setFlexGrow(2);
        entries.addColumn(e -> e.hash() == null ? "" : e.hash().substring(0, Math.min(16, e.hash().length())) + "…").setHeader("hash");
        entries.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        entries.setItems(q -> ledger.entries(new PageRequest(q.getLimit(), q.getOffset()), false).nodes().stream());
        add(new H2(getTranslation("nav.ledger")), new Paragraph(getTranslation("ledger.text")), verify, progress, verdict, errors, entries);
    }

    private void verify(LedgerReadService ledger, Button button) {
        errors.clear();
        verdict.removeAll();
        button.setEnabled(false);
        BackgroundWork.start(UI.getCurrent(), progress, report -> ledger.verification(), (LedgerVerification result) -> {
            button.setEnabled(true);
            var badge = Badges.state(result.ok(), result.ok() ? "OK" : "TAMPERED");
            badge.setId("ledger-status");
            verdict.add(badge, new Paragraph(result.summary()));
        }, failure -> {
            button.setEnabled(true);
            errors.show(failure);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.ledger") + " · CrossTrace";
    }
}
