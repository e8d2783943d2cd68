package io.crosstrace.workspace.analyst;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.gs1.Gtin;
import io.crosstrace.gs1.LotNumber;
import io.crosstrace.hub.batch.Batch;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.recall.ForwardTrace;
import io.crosstrace.hub.recall.ForwardTraceService;
import io.crosstrace.hub.recall.Recall;
import io.crosstrace.hub.recall.RecallService;

/**
 * A recall's impact: for each recalled batch, the forward trace service's answer (units, shipments, consignments,
 * importers, ports, consumer scans by country).
 */
@RolesAllowed({"ANALYST", "PLATFORM_ADMIN", "INSPECTOR"})
@Route("analyst/recalls")
public class RecallImpactView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Recall> recalls = new Grid<>(Recall.class, false);
    final Div impact = new Div();

    public RecallImpactView(RecallService recallService, ForwardTraceService traces) {
        setSizeFull();
        boolean chinese = "zh".equals(getLocale().getLanguage());
        recalls.setId("recalls");
        recalls.addColumn(Recall::number).setHeader(getTranslation("recall.number")).setAutoWidth(true);
        recalls.addColumn(Recall::status).setHeader(getTranslation("consignment.status"));
        recalls.addColumn(Recall::classification).setHeader(getTranslation("recall.class"));
        recalls.addColumn(r -> chinese && r.reasonZh() != null ? r.reasonZh() : r.reason()).setHeader(getTranslation("recall.reason")).setFlexGrow(3);
        recalls.addColumn(r -> r.batchKeys().size()).setHeader(getTranslation("nav.batches"));
        recalls.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        recalls.setHeight("280px");
        recalls.setItems(query -> recallService.recalls(null, new PageRequest(query.getLimit(), query.getOffset()), false).nodes().stream());
        impact.setId("recall-impact");
        recalls.asSingleSelect().addValueChangeListener(e -> {
            impact.removeAll();
            if (e.getValue() == null) {
                return;
            }
            for (String key : e.getValue().batchKeys()) {
                var parts = Batch.keyParameters(key);
                traces.forwardTrace(Gtin.parse((String) parts.get("gtin")), new LotNumber((String) parts.get("lot")))
                        .ifPresent(trace -> impact.add(describe(trace)));
            }
        });
        add(new H2(getTranslation("nav.recalls")), recalls, impact);
    }

    private Div describe(ForwardTrace trace) {
        Div box = new Div(new H4(getTranslation("batch.lot") + " " + trace.batch().lot() + " · " + trace.batch().gtin()));
        box.add(new Paragraph(getTranslation("recall.units", trace.unitCount(), trace.shipments().size(),
                trace.consignments().size(), trace.importerGlns().size(), trace.scans().scannedUnits(), trace.scans().totalScans())));
        trace.consignments().forEach(c -> box.add(new Div(getTranslation("consignment.number") + " " + c.consignment().declarationNumber()
                + " · " + c.consignment().status() + " · " + c.quantity())));
        trace.scans().byCountry().forEach(c -> box.add(new Div((c.country() == null ? "?" : c.country()) + ": " + c.scans())));
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.recalls") + " · CrossTrace";
    }
}
