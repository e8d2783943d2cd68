package io.crosstrace.workspace.port;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.port.PortVerdictRecords;
import io.crosstrace.hub.port.RecordedVerdict;
import io.crosstrace.hub.risk.RiskLevel;
import io.crosstrace.hub.risk.RiskService.QueueEntry;
import io.crosstrace.hub.risk.RiskService;
import io.crosstrace.workspace.common.Badges;

/**
 * The port's queue of arriving consignments, riskiest first (the risk service's order and its explanations): the
 * inspector opens one to verify sampled units and release or hold it.
 */
@RolesAllowed({"INSPECTOR", "PLATFORM_ADMIN"})
@Route("port/arrivals")
public class ArrivalsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<QueueEntry> grid = new Grid<>(QueueEntry.class, false);
    final Select<RiskLevel> minimum = new Select<>();

    private final PortVerdictRecords verdicts;
    private Map<String, RecordedVerdict> recorded = Map.of();

    public ArrivalsView(RiskService risk, PortVerdictRecords verdicts) {
        this.verdicts = verdicts;
        setSizeFull();
        minimum.setLabel(getTranslation("arrivals.minimum"));
        minimum.setItems(RiskLevel.values());
        minimum.setItemLabelGenerator(level -> getTranslation("risk." + level));
        minimum.setValue(RiskLevel.LOW);
        minimum.setId("risk-minimum");

        grid.setId("arrivals");
        grid.addColumn(e -> e.consignment().declarationNumber()).setHeader(getTranslation("consignment.number"))
                .setAutoWidth(true).setSortable(true);
        grid.addColumn(e -> e.consignment().status()).setHeader(getTranslation("consignment.status")).setSortable(true);
        grid.addColumn(e -> e.consignment().declaredOn()).setHeader(getTranslation("consignment.declaredOn")).setSortable(true);
        grid.addComponentColumn(e -> Badges.level(e.risk().level(),
                        getTranslation("risk." + e.risk().level()) + " " + e.risk().score()))
                .setHeader(getTranslation("risk.title")).setComparator(e -> e.risk().score());
        grid.addComponentColumn(this::verdict).setHeader(getTranslation("arrivals.verdict"))
                .setComparator(e -> recorded.containsKey(e.consignment().declarationNumber())
                        ? recorded.get(e.consignment().declarationNumber()).verdict().ordinal() : -1);
        grid.addColumn(this::reasons).setHeader(getTranslation("risk.reasons")).setFlexGrow(3);
        grid.addComponentColumn(e -> {
            Button verify = new Button(getTranslation("arrivals.verify"),
                    click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(ScanVerifyView.class,
                            e.consignment().declarationNumber())));
            verify.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            return verify;
        }).setHeader("");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        // The arriving set is the port's working set (the service scores all of it in one statement to order it).
        minimum.addValueChangeListener(e -> load(risk));
        load(risk);
        add(new H2(getTranslation("nav.arrivals")), minimum, grid);
    }

    private void load(RiskService risk) {
        List<QueueEntry> queue = risk.queue(minimum.getValue(), new PageRequest(PageRequest.MAX_PAGE_SIZE, 0)).nodes();
        // One read for the whole page: the verdicts recorded by the last verification of each consignment.
        recorded = verdicts.latest(queue.stream().map(e -> e.consignment().declarationNumber()).toList());
        grid.setItems(queue);
    }

    private Span verdict(QueueEntry entry) {
        RecordedVerdict latest = recorded.get(entry.consignment().declarationNumber());
        if (latest == null) {
            Span none = new Span(getTranslation("arrivals.notVerified"));
            none.addClassName("ct-not-verified");
            return none;
        }
        Span badge = Badges.verdict(latest.verdict());
        badge.getElement().setAttribute("title", getTranslation("arrivals.verifiedAt",
                latest.verifiedAt().toLocalDate(), latest.codes()));
        return badge;
    }

    private String reasons(QueueEntry entry) {
        boolean chinese = "zh".equals(getLocale().getLanguage());
        return entry.risk().reasons().stream().map(r -> chinese ? r.reasonZh() : r.reason()).collect(Collectors.joining("; "));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.arrivals") + " · CrossTrace";
    }

}
