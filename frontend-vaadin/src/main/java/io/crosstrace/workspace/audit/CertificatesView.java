package io.crosstrace.workspace.audit;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.certificate.Certificate;
import io.crosstrace.hub.certificate.CertificateIssuingService.CertificateIssueInput;
import io.crosstrace.hub.certificate.CertificateIssuingService;
import io.crosstrace.hub.certificate.CertificateOrder;
import io.crosstrace.hub.certificate.CertificateService;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.common.GridSort;
import io.crosstrace.workspace.common.UserErrorsBox;

/** The certificates the auditor's body issued; issue one for an inspected batch, or revoke one with a reason. */
@RolesAllowed({"AUDITOR"})
@Route("audit/certificates")
public class CertificatesView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Certificate> grid = new Grid<>(Certificate.class, false);
    final UserErrorsBox errors = new UserErrorsBox();
    final Span done = new Span();

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, CertificateOrder[]> ORDERS = Map.of(
            "number", new CertificateOrder[] {CertificateOrder.NUMBER_ASCENDING, CertificateOrder.NUMBER_DESCENDING},
            "status", new CertificateOrder[] {CertificateOrder.STATUS_ASCENDING, CertificateOrder.STATUS_DESCENDING},
            "validFrom", new CertificateOrder[] {CertificateOrder.VALID_FROM_OLDEST, CertificateOrder.VALID_FROM_NEWEST},
            "validUntil", new CertificateOrder[] {CertificateOrder.VALID_UNTIL_SOONEST, CertificateOrder.VALID_UNTIL_LATEST});

    public CertificatesView(CertificateService certificates, CertificateIssuingService issuing) {
        String org = CurrentActor.get().organizationGln();
        grid.setId("certificates");
        grid.addColumn(Certificate::number).setHeader(getTranslation("certificate.number")).setAutoWidth(true)
                .setKey("number").setSortable(true);
        grid.addColumn(Certificate::kind).setHeader(getTranslation("audit.kind"));
        grid.addColumn(Certificate::status).setHeader(getTranslation("consignment.status")).setKey("status").setSortable(true);
        grid.addColumn(Certificate::validFrom).setHeader(getTranslation("certificate.validFrom")).setKey("validFrom").setSortable(true);
        grid.addColumn(Certificate::validUntil).setHeader(getTranslation("certificate.validUntil")).setKey("validUntil").setSortable(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("320px");
        grid.setItems(query -> certificates.certificates(null, null, org, null, new PageRequest(query.getLimit(), query.getOffset()), false,
                        GridSort.order(query, ORDERS, CertificateOrder.NUMBER_ASCENDING)).nodes().stream());

        TextField batch = new TextField(getTranslation("certificate.batch"));
        batch.setId("certificate-batch");
        batch.setHelperText("GTIN/lot");
        DatePicker from = new DatePicker(getTranslation("certificate.validFrom"), LocalDate.now());
        DatePicker until = new DatePicker(getTranslation("certificate.validUntil"), LocalDate.now().plusMonths(6));
        errors.field("batch", batch).field("validFrom", from).field("validUntil", until);
        Button issue = new Button(getTranslation("certificate.issue"), e -> {
            errors.clear();
            done.setText("");
            try {
                var outcome = issuing.issue(new CertificateIssueInput(GlobalId.of(Batch.TYPE, batch.getValue().strip()),
                        from.getValue(), until.getValue(), UUID.randomUUID().toString()));
                if (errors.show(outcome)) {
                    done.setText(getTranslation("certificate.issued", outcome.value().number()));
                    grid.getDataProvider().refreshAll();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        issue.setId("issue-certificate");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        TextField reason = new TextField(getTranslation("certificate.revokeReason"));
        reason.setId("revoke-reason");
        Button revoke = new Button(getTranslation("certificate.revoke"), e -> {
            errors.clear();
            done.setText("");
            Certificate selected = grid.asSingleSelect().getValue();
            if (selected == null) {
                errors.show(new IllegalArgumentException(getTranslation("certificate.pick")));
                return;
            }
            try {
                var outcome = issuing.revoke(selected.number(), reason.getValue());
                if (errors.show(outcome)) {
                    done.setText(getTranslation("certificate.revoked", selected.number()));
                    grid.getDataProvider().refreshAll();
                }
            } catch (RuntimeException refused) {
                errors.show(refused);
            }
        });
        revoke.setId("revoke-certificate");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        done.setId("certificate-done");
        add(new H2(getTranslation("nav.certificates")), grid, new H3(getTranslation("certificate.issue")),
                new FormLayout(batch, from, until), issue, new H3(getTranslation("certificate.revoke")), reason, revoke, errors, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.certificates") + " · CrossTrace";
    }
}
