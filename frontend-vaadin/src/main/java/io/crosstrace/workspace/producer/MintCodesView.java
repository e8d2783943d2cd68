package io.crosstrace.workspace.producer;

import java.io.ByteArrayOutputStream;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.IntegerRangeValidator;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.batch.BatchFilter;
import io.crosstrace.hub.batch.BatchService;
import io.crosstrace.hub.code.CodeMintingService;
import io.crosstrace.hub.code.LabelSheet;
import io.crosstrace.hub.code.LabelSheetRenderer;
import io.crosstrace.hub.code.LabelSheetService;
import io.crosstrace.hub.code.ResolverBaseUrl;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.workspace.common.BackgroundWork;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * A producer mints unit codes for one of its batches (up to 100,000 at a time, in the background with progress)
 * and downloads the batch's QR label sheet as a PDF. Minting and labels are the code services'; this view only
 * splits a large order into the service's chunks so progress can be shown.
 */
@RolesAllowed({"PRODUCER"})
@Route("producer/codes")
public class MintCodesView extends VerticalLayout implements HasDynamicTitle {

    /** Codes per service call: progress moves at least every this many codes. */
    static final int CHUNK = 10_000;

    /** What the form binds: the batch, how many codes, and the label range. */
    public static class Order {
        private Batch batch;
        private Integer count = 100;
        private Integer from = 0;
        private Integer labels = 240;

        public Batch getBatch() { return batch; }
        public void setBatch(Batch batch) { this.batch = batch; }
        public Integer getCount() { return count; }
        public void setCount(Integer count) { this.count = count; }
        public Integer getFrom() { return from; }
        public void setFrom(Integer from) { this.from = from; }
        public Integer getLabels() { return labels; }
        public void setLabels(Integer labels) { this.labels = labels; }
    }

    final ComboBox<Batch> batch = new ComboBox<>();
    final IntegerField count = new IntegerField();
    final IntegerField from = new IntegerField();
    final IntegerField labels = new IntegerField();
    final Button mint = new Button();
    final Button sheet = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span result = new Span();
    final Anchor download = new Anchor();
    final UserErrorsBox errors = new UserErrorsBox();
    final Binder<Order> binder = new Binder<>(Order.class);
    private final Order order = new Order();

    public MintCodesView(BatchService batches, CodeMintingService minting, LabelSheetService sheets,
                         LabelSheetRenderer renderer, ResolverBaseUrl resolverBase) {
        setMaxWidth("760px");
        batch.setId("mint-batch");
        batch.setLabel(getTranslation("codes.batch"));
        batch.setItemLabelGenerator(b -> b.lot() + " · " + b.gtin() + (b.quantity() == null ? "" : " · " + b.quantity()));
        batch.setItems(query -> batches.batches(new BatchFilter(query.getFilter().orElse(null), null, null, null, null, null, null),
                new PageRequest(query.getLimit(), query.getOffset()), false).nodes().stream());
        batch.setWidthFull();

        count.setId("mint-count");
        count.setLabel(getTranslation("codes.count"));
        count.setStepButtonsVisible(true);
        count.setHelperText(getTranslation("codes.countHelp", CodeMintingService.MAX_CODES_PER_CALL));
        from.setId("label-from");
        from.setLabel(getTranslation("codes.labelFrom"));
        labels.setId("label-count");
        labels.setLabel(getTranslation("codes.labelCount"));
        labels.setHelperText(getTranslation("codes.labelHelp", LabelSheetService.MAX_LABELS));

        // Validation as the producer types; the services check the same limits again.
        binder.forField(batch).asRequired(getTranslation("codes.pickBatch")).bind(Order::getBatch, Order::setBatch);
        binder.forField(count).asRequired(getTranslation("form.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("codes.countRange", CodeMintingService.MAX_CODES_PER_CALL),
                        1, CodeMintingService.MAX_CODES_PER_CALL))
                .bind(Order::getCount, Order::setCount);
        binder.forField(from).asRequired(getTranslation("form.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("codes.fromRange"), 0, Integer.MAX_VALUE))
                .bind(Order::getFrom, Order::setFrom);
        binder.forField(labels).asRequired(getTranslation("form.required"))
                .withValidator(new IntegerRangeValidator(getTranslation("codes.labelRange", LabelSheetService.MAX_LABELS),
                        1, LabelSheetService.MAX_LABELS))
                .bind(Order::getLabels, Order::setLabels);
        binder.setBean(order);

        mint.setText(getTranslation("codes.mint"));
        mint.setIcon(VaadinIcon.QRCODE.create());
        mint.setId("mint");
        mint.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        mint.addClickListener(e -> mint(minting));
        sheet.setText(getTranslation("codes.sheet"));
        sheet.setIcon(VaadinIcon.FILE_TEXT.create());
        sheet.setId("label-sheet");
        sheet.addClickListener(e -> labelSheet(sheets, renderer, resolverBase));
        binder.addStatusChangeListener(e -> {
            mint.setEnabled(binder.isValid());
            sheet.setEnabled(binder.isValid());
        });
        mint.setEnabled(false);
        sheet.setEnabled(false);

        progress.setId("progress");
        progress.setVisible(false);
        result.setId("mint-result");
        download.setId("label-download");
        download.setVisible(false);

        FlexLayout labelFields = new FlexLayout(from, labels);
        labelFields.getStyle().set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        add(new H2(getTranslation("nav.codes")), batch, new H3(getTranslation("codes.mintTitle")), count, mint,
                new H3(getTranslation("codes.sheetTitle")), new Paragraph(getTranslation("codes.sheetText")), labelFields,
                sheet, progress, errors, result, download);
    }

    private void mint(CodeMintingService minting) {
        if (!binder.validate().isOk()) {
            return;
        }
        errors.clear();
        result.setText("");
        Batch target = order.getBatch();
        int total = order.getCount();
        // One idempotency key per order and chunk: a retried chunk never mints twice.
        String key = UUID.randomUUID().toString();
        mint.setEnabled(false);
        BackgroundWork.start(UI.getCurrent(), progress, report -> {
            int done = 0;
            for (int chunk = 0; done < total; chunk++) {
                int size = Math.min(CHUNK, total - done);
                minting.issueCodes(Gtin.parse(target.gtin()), new LotNumber(target.lot()), size, key + "-" + chunk);
                done += size;
                report.report((double) done / total);
            }
            return done;
        }, minted -> {
            mint.setEnabled(true);
            result.setText(getTranslation("codes.minted", minted, target.lot()));
        }, failure -> {
            mint.setEnabled(true);
            errors.show(failure);
        });
    }

    private void labelSheet(LabelSheetService sheets, LabelSheetRenderer renderer, ResolverBaseUrl resolverBase) {
        if (!binder.validate().isOk()) {
            return;
        }
        errors.clear();
        download.setVisible(false);
        Batch target = order.getBatch();
        int first = order.getFrom();
        int size = order.getLabels();
        String base = resolverBase.of(VaadinServletRequest.getCurrent().getHttpServletRequest());
        sheet.setEnabled(false);
        BackgroundWork.start(UI.getCurrent(), progress, report -> {
            LabelSheet labels = sheets.labelSheet(Gtin.parse(target.gtin()), new LotNumber(target.lot()), first, size, base);
            report.report(0.5);
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            renderer.render(labels, pdf);
            return pdf.toByteArray();
        }, pdf -> {
            sheet.setEnabled(true);
            String name = "labels-" + target.gtin() + "-" + target.lot().replaceAll("[^A-Za-z0-9_-]", "_") + "-" + first + ".pdf";
            download.setHref(DownloadHandler.fromInputStream(event ->
                    new DownloadResponse(new java.io.ByteArrayInputStream(pdf), name, "application/pdf", pdf.length)),
                    AttachmentType.DOWNLOAD);
            download.setText(getTranslation("codes.download", name, pdf.length / 1024));
            download.setVisible(true);
        }, failure -> {
            sheet.setEnabled(true);
            errors.show(failure);
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.codes") + " · CrossTrace";
    }

}
