package io.crosstrace.workspace.analyst;

import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.risk.RiskLevel;
import io.crosstrace.hub.risk.RiskService;
import io.crosstrace.hub.risk.RiskService.QueueEntry;
import io.crosstrace.workspace.common.Badges;

/** The risk queue as analysts read it: every arriving consignment's score, with each rule's points and evidence. */
@RolesAllowed({"ANALYST", "PLATFORM_ADMIN"})
@Route("analyst/risk")
public class RiskQueueView extends VerticalLayout implements HasDynamicTitle {

    final Grid<QueueEntry> grid = new Grid<>(QueueEntry.class, false);

    public RiskQueueView(RiskService risk) {
        setSizeFull();
        Select<RiskLevel> minimum = new Select<>();
        minimum.setLabel(getTranslation("arrivals.minimum"));
        minimum.setItems(RiskLevel.values());
        minimum.setItemLabelGenerator(level -> getTranslation("risk." + level));
        minimum.setValue(RiskLevel.LOW);
        boolean chinese = "zh".equals(getLocale().getLanguage());
        grid.setId("risk-queue");
        grid.addColumn(e -> e.consignment().declarationNumber()).setHeader(getTranslation("consignment.number")).setAutoWidth(true);
        grid.addColumn(e -> e.consignment().status()).setHeader(getTranslation("consignment.status")).setSortable(true);
        grid.addComponentColumn(e -> Badges.level(e.risk().level(), getTranslation("risk." + e.risk().level()) + " " + e.risk().score()))
                .setHeader(getTranslation("risk.title")).setComparator(e -> e.risk().score());
        grid.addColumn(e -> e.risk().reasons().stream()
                        .map(r -> "+" + r.points() + " " + (chinese ? r.reasonZh() : r.reason())
                                + (r.evidence().isEmpty() ? "" : " [" + String.join(", ", r.evidence()) + "]"))
                        .collect(Collectors.joining("\n")))
                .setHeader(getTranslation("risk.reasons")).setFlexGrow(4);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        Runnable load = () -> grid.setItems(risk.queue(minimum.getValue(), new PageRequest(PageRequest.MAX_PAGE_SIZE, 0)).nodes());
        minimum.addValueChangeListener(e -> load.run());
        load.run();
        add(new H2(getTranslation("nav.risk")), minimum, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.risk") + " · CrossTrace";
    }
}
