package io.crosstrace.workspace.audit;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.audit.Inspection;
import io.crosstrace.hub.audit.InspectionRecordingService;
import io.crosstrace.hub.audit.InspectionRecordingService.InspectionRecordInput;
import io.crosstrace.hub.audit.InspectionService;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchFilter;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Shipment;
import io.crosstrace.hub.registry.Premises;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * The auditor's work queue and its record: batches it may see that have no passing pre-shipment inspection yet, and
 * premises whose last passing audit is over a year old or missing; picking one fills the inspection form, which
 * the recording service checks (engagement, kinds, dates) and whose user errors show on the form.
 */
@RolesAllowed({"AUDITOR"})
@Route("audit/work")
public class AuditWorkView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> KINDS = List.of("PRE_SHIPMENT_INSPECTION", "PREMISES_AUDIT", "LABEL_APPROVAL", "PRODUCTION_CHECK",
            "PACKAGING_CHECK", "LOADING_SUPERVISION");

    final Grid<Batch> batchesToInspect = new Grid<>(Batch.class, false);
    final Grid<Premises> premisesToAudit = new Grid<>(Premises.class, false);
    final Select<String> kind = new Select<>();
    final TextField subject = new TextField();
    final RadioButtonGroup<String> result = new RadioButtonGroup<>();
    final DatePicker performedOn = new DatePicker();
    final IntegerField sampled = new IntegerField();
    final TextArea findings = new TextArea();
    final UserErrorsBox errors = new UserErrorsBox();
    final Span recorded = new Span();

    public AuditWorkView(BatchService batches, RegistryService registry, InspectionService inspections,
                         InspectionRecordingService recording) {
        List<Batch> visible = batches.batches(BatchFilter.none(), new PageRequest(PageRequest.MAX_PAGE_SIZE, 0), false).nodes();
        Map<String, List<Inspection>> ofBatches = inspections.inspectionsOfBatches(visible.stream().map(Batch::key).toList());
        batchesToInspect.setId("batches-to-inspect");
        batchesToInspect.setItems(visible.stream().filter(b -> ofBatches.getOrDefault(b.key(), List.of()).stream()
                .noneMatch(i -> "PRE_SHIPMENT_INSPECTION".equals(i.kind()) && "PASS".equals(i.result()))).toList());
        batchesToInspect.addColumn(Batch::lot).setHeader(getTranslation("batch.lot")).setSortable(true).setAutoWidth(true);
        batchesToInspect.addColumn(Batch::gtin).setHeader("GTIN").setAutoWidth(true);
        batchesToInspect.addColumn(Batch::productionDate).setHeader(getTranslation("batch.produced")).setSortable(true);
        batchesToInspect.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        batchesToInspect.setHeight("240px");
        batchesToInspect.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kind.setValue("PRE_SHIPMENT_INSPECTION");
                subject.setValue(e.getValue().key());
            }
        });

        List<Premises> premises = registry.premisesList(null, null, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0), false).nodes();
        Map<String, List<Inspection>> ofPremises = inspections.inspectionsOfPremises(premises.stream().map(Premises::gln).toList());
        LocalDate yearAgo = LocalDate.now().minusDays(InspectionRecordingService.AUDIT_VALID_DAYS);
        premisesToAudit.setId("premises-to-audit");
        premisesToAudit.setItems(premises.stream()
                .filter(p -> lastAudit(ofPremises.get(p.gln())).map(d -> d.isBefore(yearAgo)).orElse(true)).toList());
        premisesToAudit.addColumn(Premises::name).setHeader(getTranslation("premises.name")).setSortable(true).setAutoWidth(true);
        premisesToAudit.addColumn(Premises::gln).setHeader("GLN");
        premisesToAudit.addColumn(p -> lastAudit(ofPremises.get(p.gln())).map(LocalDate::toString).orElse("—"))
                .setHeader(getTranslation("audit.lastAudit"));
        premisesToAudit.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        premisesToAudit.setHeight("200px");
        premisesToAudit.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kind.setValue("PREMISES_AUDIT");
                subject.setValue(e.getValue().gln());
            }
        });

        kind.setId("inspection-kind");
        kind.setLabel(getTranslation("audit.kind"));
        kind.setItems(KINDS);
        kind.setValue("PRE_SHIPMENT_INSPECTION");
        subject.setId("inspection-subject");
        subject.setLabel(getTranslation("audit.subject"));
        subject.setHelperText(getTranslation("audit.subjectHelp"));
        result.setId("inspection-result");
        result.setLabel(getTranslation("audit.result"));
        result.setItems("PASS", "FAIL");
        result.setValue("PASS");
        performedOn.setId("inspection-date");
        performedOn.setLabel(getTranslation("audit.performedOn"));
        performedOn.setValue(LocalDate.now());
        performedOn.setMax(LocalDate.now());
        sampled.setId("inspection-sampled");
        sampled.setLabel(getTranslation("audit.sampled"));
        sampled.setMin(0);
        findings.setId("inspection-findings");
        findings.setLabel(getTranslation("audit.findings"));
        findings.setMaxLength(5000);
        errors.field("kind", kind).field("premises", subject).field("batch", subject).field("shipment", subject)
                .field("performedOn", performedOn).field("findings", findings);
        recorded.setId("inspection-recorded");

        Button record = new Button(getTranslation("audit.record"), e -> record(recording));
        record.setId("record-inspection");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(kind, subject, result, performedOn, sampled, findings);
        form.setColspan(findings, 2);
        add(new H2(getTranslation("nav.auditWork")), new H3(getTranslation("audit.batchesToInspect")), batchesToInspect,
                new H3(getTranslation("audit.premisesToAudit")), premisesToAudit, new H3(getTranslation("audit.recordTitle")),
                form, record, errors, recorded);
    }

    private static Optional<LocalDate> lastAudit(List<Inspection> inspections) {
        return inspections == null ? Optional.empty() : inspections.stream()
                .filter(i -> "PREMISES_AUDIT".equals(i.kind()) && "PASS".equals(i.result()))
                .map(Inspection::performedOn).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder());
    }

    void record(InspectionRecordingService recording) {
        errors.clear();
        recorded.setText("");
        String what = subject.getValue().strip();
        if (what.isEmpty()) {
            subject.setInvalid(true);
            subject.setErrorMessage(getTranslation("form.required"));
            return;
        }
        String k = kind.getValue();
        // The subject field holds a business key; the service takes a GLN for premises and global IDs otherwise.
        String premises = "PREMISES_AUDIT".equals(k) ? what : null;
        String shipment = "LOADING_SUPERVISION".equals(k) ? GlobalId.of(Shipment.TYPE, what) : null;
        String batch = premises == null && shipment == null ? GlobalId.of(Batch.TYPE, what) : null;
        try {
            var outcome = recording.record(new InspectionRecordInput(k, premises, batch, shipment, result.getValue(),
                    performedOn.getValue(), findings.getValue(), sampled.getValue(), UUID.randomUUID().toString()));
            if (errors.show(outcome)) {
                recorded.setText(getTranslation("audit.recorded", outcome.value().number(), outcome.value().result()));
            }
        } catch (RuntimeException refused) {
            errors.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.auditWork") + " · CrossTrace";
    }
}
