package io.crosstrace.workspace.analyst;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;

import tools.jackson.databind.json.JsonMapper;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.explore.DashboardService;
import io.crosstrace.hub.explore.DashboardService.Count;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.risk.RiskLevel;
import io.crosstrace.hub.risk.RiskService;
import io.crosstrace.workspace.common.BrowserScripts;

/**
 * The analysts' dashboards, drawn with Chart.js (a WebJar loaded at run time): scans per day and by country,
 * consignments by status, port decisions, risk of the arriving consignments, clone alerts, failed inspections by
 * producer. The figures come from {@link DashboardService} and {@link RiskService}.
 */
@RolesAllowed({"ANALYST", "PLATFORM_ADMIN"})
@Route("analyst/dashboards")
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DAYS = 90;

    private final DashboardService dashboards;
    private final RiskService risk;
    private final FlexLayout charts = new FlexLayout();

    public DashboardView(DashboardService dashboards, RiskService risk) {
        this.dashboards = dashboards;
        this.risk = risk;
        charts.setId("charts");
        charts.getStyle().set("gap", "var(--lumo-space-l)").set("flex-wrap", "wrap");
        charts.setWidthFull();
        add(new H2(getTranslation("nav.dashboards")), charts);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        charts.removeAll();
        chart("chart-scans-day", getTranslation("dash.scansPerDay", DAYS), "line", dashboards.scansPerDay(DAYS));
        chart("chart-scans-country", getTranslation("dash.scansByCountry"), "bar", dashboards.scansByCountry(DAYS));
        chart("chart-consignments", getTranslation("dash.consignments"), "doughnut", dashboards.consignmentsByStatus());
        chart("chart-verdicts", getTranslation("dash.verdicts"), "doughnut", dashboards.consignmentsByVerdict());
        chart("chart-decisions", getTranslation("dash.decisions"), "doughnut", dashboards.portDecisions());
        chart("chart-risk", getTranslation("dash.risk"), "bar", riskDistribution());
        chart("chart-clones", getTranslation("dash.clones", DAYS), "bar", dashboards.cloneAlertsPerDay(DAYS));
        chart("chart-failed", getTranslation("dash.failed"), "bar", dashboards.failedInspectionsByProducer());
    }

    /** Arriving consignments per risk level, every level shown even when empty. */
    private List<Count> riskDistribution() {
        Map<RiskLevel, Long> byLevel = new TreeMap<>(risk.queue(RiskLevel.LOW, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0))
                .nodes().stream().collect(Collectors.groupingBy(e -> e.risk().level(), Collectors.counting())));
        return java.util.Arrays.stream(RiskLevel.values())
                .map(level -> new Count(getTranslation("risk." + level), byLevel.getOrDefault(level, 0L))).toList();
    }

    private void chart(String id, String title, String type, List<Count> counts) {
        Div canvasHolder = new Div();
        canvasHolder.setId(id);
        canvasHolder.addClassName("ct-chart");
        Div box = new Div(new H4(title), canvasHolder);
        box.getStyle().set("flex", "1 1 360px");
        charts.add(box);
        Map<String, Object> data = Map.of(
                "labels", counts.stream().map(Count::label).toList(),
                "values", counts.stream().map(Count::value).toList());
        canvasHolder.getElement().executeJs(BrowserScripts.afterLoading(BrowserScripts.CHART_JS, "Chart", """
                const host = $0, data = JSON.parse($1);
                const canvas = document.createElement('canvas');
                host.replaceChildren(canvas);
                host.__chart = new Chart(canvas, {type: $2, data: {labels: data.labels,
                    datasets: [{label: $3, data: data.values, borderWidth: 1}]},
                    options: {responsive: true, maintainAspectRatio: false, animation: false,
                        plugins: {legend: {display: $2 === 'doughnut'}}}});
                host.dataset.points = String(data.values.length);
                """), canvasHolder.getElement(), JSON.writeValueAsString(data), type, title);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.dashboards") + " · CrossTrace";
    }

}
