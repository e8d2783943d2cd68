package io.crosstrace.workspace.port;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.OptionalParameter;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.GlobalId;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.logistics.Consignment;
import io.crosstrace.hub.port.CheckResult;
import io.crosstrace.hub.port.CodeVerification;
import io.crosstrace.hub.port.ConsignmentDecisionService.DecideInput;
import io.crosstrace.hub.port.ConsignmentDecisionService;
import io.crosstrace.hub.port.PortVerdictRecords;
import io.crosstrace.hub.port.PortVerification;
import io.crosstrace.hub.risk.RiskLevel;
import io.crosstrace.hub.risk.RiskService;
import io.crosstrace.workspace.common.Badges;
import io.crosstrace.workspace.common.BrowserScripts;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * Scan to verify, made for a phone at the quay: the camera reads unit QR codes in the browser (html5-qrcode), or
 * the inspector types or pastes them; the port verification service gives the verdict with every check (recorded on
 * the consignment, so the arrivals queue shows it), and the
 * decision service records release or hold. All rules are the services'.
 */
@RolesAllowed({"INSPECTOR", "PLATFORM_ADMIN"})
@Route("port/verify")
public class ScanVerifyView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    final ComboBox<String> consignment = new ComboBox<>();
    final TextField code = new TextField();
    final List<String> codes = new ArrayList<>();
    final Div scanned = new Div();
    final Div verdict = new Div();
    final Grid<Row> checks = new Grid<>(Row.class, false);
    final TextArea note = new TextArea();
    final UserErrorsBox errors = new UserErrorsBox();
    final Span decided = new Span();
    private final Div reader = new Div();
    private final PortVerdictRecords verdicts;
    private final ConsignmentDecisionService decisions;
    private PortVerification last;

    /** One check of one code, as a grid row. */
    record Row(String code, CheckResult result) {
    }

    public ScanVerifyView(PortVerdictRecords verdicts, ConsignmentDecisionService decisions, RiskService risk) {
        this.verdicts = verdicts;
        this.decisions = decisions;
        setMaxWidth("960px");

        consignment.setId("consignment");
        consignment.setLabel(getTranslation("verify.consignment"));
        consignment.setItems(risk.queue(RiskLevel.LOW, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0)).nodes().stream()
                .map(e -> e.consignment().declarationNumber()).toList());
        consignment.setAllowCustomValue(true);
        consignment.addCustomValueSetListener(e -> consignment.setValue(e.getDetail()));
        consignment.setWidthFull();

        reader.setId("qr-reader");
        reader.addClassName("ct-reader");
        Button camera = new Button(getTranslation("verify.camera"), VaadinIcon.CAMERA.create(), e -> startCamera());
        camera.setId("start-camera");

        code.setId("code-input");
        code.setLabel(getTranslation("verify.code"));
        code.setPlaceholder("https://…/01/…/10/…/21/…");
        code.setClearButtonVisible(true);
        code.addKeyPressListener(Key.ENTER, e -> addTyped());
        code.setWidthFull();
        Button add = new Button(getTranslation("verify.add"), VaadinIcon.PLUS.create(), e -> addTyped());
        add.setId("add-code");
        HorizontalLayout typing = new HorizontalLayout(code, add);
        typing.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        typing.setWidthFull();
        scanned.setId("scanned-codes");

        Button verify = new Button(getTranslation("verify.run"), VaadinIcon.CHECK_CIRCLE.create(), e -> verify());
        verify.setId("verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button clear = new Button(getTranslation("verify.clear"), e -> clearCodes());
        verdict.setId("verdict");

        checks.setId("checks");
        checks.addColumn(r -> shortCode(r.code())).setHeader(getTranslation("verify.unit")).setAutoWidth(true);
        checks.addColumn(r -> r.result().check()).setHeader(getTranslation("verify.check")).setAutoWidth(true);
        checks.addComponentColumn(r -> Badges.verdict(switch (r.result().status()) {
            case PASS -> "GREEN";
            case WARN -> "AMBER";
            case FAIL -> "RED";
        })).setHeader(getTranslation("verify.status")).setAutoWidth(true);
        checks.addColumn(r -> "zh".equals(getLocale().getLanguage()) ? r.result().reasonZh() : r.result().reason())
                .setHeader(getTranslation("verify.reason")).setFlexGrow(3);
        checks.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        checks.setAllRowsVisible(true);
        checks.setVisible(false);

        note.setId("decision-note");
        note.setLabel(getTranslation("verify.note"));
        note.setMaxLength(2000);
        note.setWidthFull();
        Button release = new Button(getTranslation("verify.release"), e -> decide("RELEASE"));
        release.setId("release");
        release.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        Button hold = new Button(getTranslation("verify.hold"), e -> decide("HOLD"));
        hold.setId("hold");
        hold.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        decided.setId("decision");
        FlexLayout actions = new FlexLayout(verify, clear);
        actions.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        FlexLayout decide = new FlexLayout(release, hold);
        decide.getStyle().set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");

        add(new H2(getTranslation("nav.verify")), consignment, camera, reader, typing, scanned, actions, errors, verdict,
                checks, new Details(getTranslation("verify.decision"), new VerticalLayout(note, decide, decided)));
        showCodes();
    }

    @Override
    public void setParameter(BeforeEvent event, @OptionalParameter String declarationNumber) {
        if (declarationNumber != null) {
            consignment.setValue(declarationNumber);
        }
    }

    /** Called by the camera reader in the browser for each QR code it decodes. */
    @ClientCallable
    void codeScanned(String text) {
        addCodes(text);
    }

    private void startCamera() {
        // The phone's back camera; each distinct decode is sent once to the server.
        reader.getElement().executeJs(BrowserScripts.afterLoading(BrowserScripts.HTML5_QRCODE, "Html5Qrcode", """
                const view = $0, host = $1;
                if (host.__scanner) { return; }
                host.__scanner = new Html5Qrcode(host.id);
                let lastText = null;
                return host.__scanner.start({facingMode: 'environment'}, {fps: 10, qrbox: 240}, text => {
                    if (text !== lastText) { lastText = text; view.$server.codeScanned(text); }
                }, () => {});
                """), getElement(), reader.getElement()).then(String.class, ok -> { }, failure -> {
                    errors.show(List.of(io.crosstrace.hub.graphql.UserError.of("CAMERA", getTranslation("verify.noCamera") + " " + failure)));
                });
    }

    private void addTyped() {
        addCodes(code.getValue());
        code.clear();
        code.focus();
    }

    /** Accepts one code or many pasted at once (separated by spaces or lines); a repeat is ignored. */
    void addCodes(String text) {
        if (text == null) {
            return;
        }
        Arrays.stream(text.split("\\s+")).map(String::strip).filter(s -> !s.isEmpty()).filter(s -> !codes.contains(s))
                .forEach(codes::add);
        showCodes();
    }

    private void clearCodes() {
        codes.clear();
        last = null;
        verdict.removeAll();
        checks.setVisible(false);
        showCodes();
    }

    private void showCodes() {
        scanned.removeAll();
        scanned.add(new Span(getTranslation("verify.count", codes.size())));
        codes.forEach(c -> scanned.add(new Div(shortCode(c))));
    }

    void verify() {
        errors.clear();
        verdict.removeAll();
        if (consignment.getValue() == null || consignment.getValue().isBlank()) {
            consignment.setInvalid(true);
            consignment.setErrorMessage(getTranslation("verify.pickConsignment"));
            return;
        }
        try {
            last = verdicts.verifyAndRecord(consignment.getValue().strip(), List.copyOf(codes));
        } catch (RuntimeException refused) {
            errors.show(refused);
            return;
        }
        Span badge = Badges.verdict(last.verdict());
        badge.addClassName("ct-verdict-big");
        badge.setId("verdict-badge");
        verdict.add(badge, new Span(" " + getTranslation("verdict." + last.verdict())));
        List<Row> rows = new ArrayList<>();
        for (CodeVerification unit : last.codes()) {
            unit.checks().forEach(check -> rows.add(new Row(unit.code(), check)));
        }
        checks.setItems(rows);
        checks.setVisible(true);
    }

    void decide(String decision) {
        errors.clear();
        decided.setText("");
        String number = consignment.getValue();
        if (number == null || number.isBlank()) {
            consignment.setInvalid(true);
            return;
        }
        try {
            var outcome = decisions.decide(new DecideInput(GlobalId.of(Consignment.TYPE, number.strip()), decision,
                    note.getValue(), codes.isEmpty() ? null : List.copyOf(codes), null));
            if (errors.show(outcome)) {
                decided.setText(getTranslation("verify.decided", outcome.value().consignment().status()));
            }
        } catch (RuntimeException refused) {
            errors.show(refused);
        }
    }

    private static String shortCode(String code) {
        int path = code.indexOf("/01/");
        String shown = path >= 0 ? code.substring(path) : code;
        int query = shown.indexOf('?');
        return query >= 0 ? shown.substring(0, query) : shown;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.verify") + " · CrossTrace";
    }
}
