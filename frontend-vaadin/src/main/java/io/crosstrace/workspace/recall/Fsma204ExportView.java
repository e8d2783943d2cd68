package io.crosstrace.workspace.recall;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import io.crosstrace.hub.recall.Fsma204Files.Format;
import io.crosstrace.hub.recall.Fsma204Files;
import io.crosstrace.workspace.common.BackgroundWork;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * The FSMA 204 sortable spreadsheet (CSV or XLSX) of one lot or of a date range, for the roles the export allows.
 * The file is prepared in the background with a progress bar, so a large range never freezes the page, then offered
 * as a download; the export service's checks and limits apply, and its refusals show on the form.
 */
@RolesAllowed({"PLATFORM_ADMIN", "ANALYST", "INSPECTOR"})
@Route("exports/fsma204")
public class Fsma204ExportView extends VerticalLayout implements HasDynamicTitle {

    enum Scope { LOT, RANGE }

    final RadioButtonGroup<Scope> scope = new RadioButtonGroup<>();
    final TextField gtin = new TextField("GTIN");
    final TextField lot = new TextField();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Select<Format> format = new Select<>();
    final Button prepare = new Button();
    final ProgressBar progress = new ProgressBar();
    final Anchor download = new Anchor();
    final UserErrorsBox errors = new UserErrorsBox();

    public Fsma204ExportView(Fsma204Files files) {
        setMaxWidth("760px");
        scope.setId("export-scope");
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation("export.scope." + s));
        scope.setValue(Scope.LOT);
        gtin.setId("export-gtin");
        gtin.setValueChangeMode(ValueChangeMode.EAGER);
        lot.setId("export-lot");
        lot.setLabel(getTranslation("batch.lot"));
        from.setId("export-from");
        from.setLabel(getTranslation("export.from"));
        to.setId("export-to");
        to.setLabel(getTranslation("export.to"));
        format.setId("export-format");
        format.setLabel(getTranslation("export.format"));
        format.setItems(Format.values());
        format.setValue(Format.CSV);
        scope.addValueChangeListener(e -> showScope());
        showScope();

        Binder<Void> checks = new Binder<>();
        checks.forField(gtin).withValidator(v -> v.isBlank() ? scope.getValue() == Scope.RANGE : v.strip().matches("\\d{8}|\\d{12,14}"),
                getTranslation("form.gtin")).bind(x -> gtin.getValue(), (x, v) -> { });
        checks.forField(lot).withValidator(v -> scope.getValue() == Scope.RANGE || !v.isBlank(), getTranslation("form.required"))
                .bind(x -> lot.getValue(), (x, v) -> { });
        checks.forField(from).withValidator(v -> scope.getValue() == Scope.LOT || v != null, getTranslation("form.required"))
                .bind(x -> from.getValue(), (x, v) -> { });
        checks.forField(to).withValidator(v -> scope.getValue() == Scope.LOT || v != null && (from.getValue() == null
                        || !v.isBefore(from.getValue())), getTranslation("export.toAfterFrom"))
                .bind(x -> to.getValue(), (x, v) -> { });

        prepare.setText(getTranslation("export.prepare"));
        prepare.setId("export-prepare");
        prepare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        prepare.addClickListener(e -> {
            errors.clear();
            download.setVisible(false);
            if (checks.validate().isOk()) {
                start(files);
            }
        });
        progress.setId("export-progress");
        progress.setVisible(false);
        download.setId("export-download");
        download.setVisible(false);
        add(new H2(getTranslation("nav.export")), new Paragraph(getTranslation("export.about")), scope,
                new FormLayout(gtin, lot, from, to, format), prepare, progress, errors, download);
    }

    private void showScope() {
        boolean oneLot = scope.getValue() == Scope.LOT;
        lot.setVisible(oneLot);
        from.setVisible(!oneLot);
        to.setVisible(!oneLot);
        gtin.setHelperText(oneLot ? null : getTranslation("export.gtinOptional"));
    }

    private void start(Fsma204Files files) {
        boolean oneLot = scope.getValue() == Scope.LOT;
        String gtinText = gtin.getValue().strip();
        String lotText = oneLot ? lot.getValue().strip() : null;
        String fromText = oneLot ? null : text(from.getValue());
        String toText = oneLot ? null : text(to.getValue());
        Format chosen = format.getValue();
        prepare.setEnabled(false);
        BackgroundWork.start(UI.getCurrent(), progress, report -> {
            // The export is one read, then one rendering: the bar moves between the two.
            Fsma204Files.File file = files.render(gtinText.isEmpty() ? null : gtinText, lotText, fromText, toText, chosen);
            report.report(1);
            return file;
        }, file -> {
            prepare.setEnabled(true);
            download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(
                    new ByteArrayInputStream(file.content()), file.name(), file.mediaType(), file.content().length)),
                    AttachmentType.DOWNLOAD);
            download.setText(getTranslation("export.download", file.name(), file.records(),
                    Math.max(1, file.content().length / 1024)));
            download.setVisible(true);
        }, failure -> {
            prepare.setEnabled(true);
            errors.show(failure);
        });
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.export") + " · CrossTrace";
    }
}
