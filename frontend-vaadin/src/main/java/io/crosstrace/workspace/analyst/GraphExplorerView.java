package io.crosstrace.workspace.analyst;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.security.RolesAllowed;

import tools.jackson.databind.json.JsonMapper;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.explore.GraphExplorerService;
import io.crosstrace.hub.explore.GraphView;
import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.recall.Recall;
import io.crosstrace.hub.recall.RecallService;
import io.crosstrace.hub.search.SearchHit;
import io.crosstrace.hub.search.SearchService;
import io.crosstrace.workspace.common.BrowserScripts;
import io.crosstrace.workspace.common.UserErrorsBox;

/**
 * The analysts' graph explorer, drawn with Cytoscape.js (a WebJar loaded at run time): search a node, expand its
 * neighbours by relationship type, the path from a unit code to its origin, a recall's reach; a tap on a node shows
 * its properties. Every read goes through {@link GraphExplorerService}, which applies the visibility rules.
 */
@RolesAllowed({"ANALYST", "PLATFORM_ADMIN"})
@Route("analyst/graph")
public class GraphExplorerView extends VerticalLayout implements HasDynamicTitle {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    final TextField search = new TextField();
    final ListBox<Hit> hits = new ListBox<>();
    final Select<String> relationship = new Select<>();
    final TextField unit = new TextField();
    final ComboBox<String> recall = new ComboBox<>();
    final Div graph = new Div();
    final Div properties = new Div();
    final UserErrorsBox errors = new UserErrorsBox();
    private final GraphExplorerService explorer;
    private String selected;

    /** A search result the explorer can open. */
    record Hit(String id, String caption) {
    }

    public GraphExplorerView(GraphExplorerService explorer, SearchService searchService, RecallService recalls) {
        this.explorer = explorer;
        setSizeFull();

        search.setId("graph-search");
        search.setPlaceholder(getTranslation("graph.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addKeyPressListener(Key.ENTER, e -> find(searchService));
        Button find = new Button(getTranslation("graph.find"), e -> find(searchService));
        find.setId("graph-find");
        hits.setId("graph-hits");
        hits.setItemLabelGenerator(Hit::caption);
        hits.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                show(explorer.neighbours(e.getValue().id(), null), true);
                select(e.getValue().id());
            }
        });

        relationship.setId("graph-relationship");
        relationship.setLabel(getTranslation("graph.relationship"));
        relationship.setEmptySelectionAllowed(true);
        relationship.setEmptySelectionCaption(getTranslation("graph.allRelationships"));
        Button expand = new Button(getTranslation("graph.expand"), VaadinIcon.EXPAND_FULL.create(), e -> expand());
        expand.setId("graph-expand");

        unit.setId("graph-unit");
        unit.setPlaceholder("/01/…/10/…/21/…");
        unit.setLabel(getTranslation("graph.origin"));
        Button origin = new Button(getTranslation("graph.showOrigin"), e -> origin());
        origin.setId("graph-origin");

        recall.setId("graph-recall");
        recall.setLabel(getTranslation("graph.recall"));
        recall.setItems(recalls.recalls(null, new PageRequest(PageRequest.MAX_PAGE_SIZE, 0), false).nodes().stream()
                .map(Recall::number).toList());
        Button reach = new Button(getTranslation("graph.showReach"), e -> {
            if (recall.getValue() != null) {
                show(explorer.recallReach(recall.getValue()), false);
            }
        });
        reach.setId("graph-reach");

        graph.setId("graph");
        graph.addClassName("ct-graph");
        properties.setId("node-properties");

        HorizontalLayout searchRow = new HorizontalLayout(search, find);
        searchRow.setWidthFull();
        searchRow.setFlexGrow(1, search);
        FlexLayout tools = new FlexLayout(row(relationship, expand), row(unit, origin), row(recall, reach));
        tools.getStyle().set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        FlexLayout main = new FlexLayout(graph, properties);
        main.getStyle().set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
        main.setWidthFull();
        graph.getStyle().set("flex", "3 1 480px");
        properties.getStyle().set("flex", "1 1 240px").set("overflow-wrap", "anywhere");
        add(new H2(getTranslation("nav.graph")), searchRow, hits, tools, errors, main);
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component field, Button button) {
        HorizontalLayout row = new HorizontalLayout(field, button);
        row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        return row;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // One Cytoscape instance per view; a tap on a node asks the server for its properties.
        graph.getElement().executeJs(BrowserScripts.afterLoading(BrowserScripts.CYTOSCAPE, "cytoscape", """
                const host = $0, view = $1;
                host.__cy = cytoscape({container: host, wheelSensitivity: 0.3, style: [
                    {selector: 'node', style: {'label': 'data(caption)', 'font-size': 10, 'background-color': 'data(colour)',
                        'text-valign': 'bottom', 'text-wrap': 'ellipsis', 'text-max-width': 120}},
                    {selector: 'node:selected', style: {'border-width': 3, 'border-color': '#111'}},
                    {selector: 'edge', style: {'label': 'data(type)', 'font-size': 8, 'curve-style': 'bezier',
                        'target-arrow-shape': 'triangle', 'width': 1.5, 'line-color': '#90a4ae', 'target-arrow-color': '#90a4ae'}}]});
                host.__cy.on('tap', 'node', e => view.$server.nodeTapped(e.target.id()));
                """), graph.getElement(), getElement());
    }

    private void find(SearchService searchService) {
        errors.clear();
        String text = search.getValue().strip();
        if (text.isEmpty()) {
            return;
        }
        try {
            List<Hit> found = searchService.search(text, 10).stream().map(GraphExplorerView::hit)
                    .filter(java.util.Objects::nonNull).toList();
            hits.setItems(found);
        } catch (RuntimeException refused) {
            errors.show(refused);
        }
    }

    /** The explorer ID of a search hit, for the kinds search finds. */
    private static Hit hit(SearchHit hit) {
        return switch (hit.node()) {
            case io.crosstrace.hub.batch.Batch b -> new Hit("Batch:" + b.key(), "Batch " + b.lot() + " · " + b.gtin());
            case io.crosstrace.hub.registry.Organization o -> new Hit("Organization:" + o.gln(), "Organization " + o.name());
            case io.crosstrace.hub.registry.Premises p -> new Hit("Premises:" + p.gln(), "Premises " + p.name());
            case io.crosstrace.hub.registry.Product p -> new Hit("Product:" + p.gtin(), "Product " + p.nameEn());
            case io.crosstrace.hub.logistics.Consignment c -> new Hit("Consignment:" + c.declarationNumber(), "Consignment " + c.declarationNumber());
            case io.crosstrace.hub.logistics.Shipment s -> new Hit("Shipment:" + s.number(), "Shipment " + s.number());
            case io.crosstrace.hub.certificate.Certificate c -> new Hit("Certificate:" + c.number(), "Certificate " + c.number());
            default -> null;
        };
    }

    private void expand() {
        if (selected != null) {
            show(explorer.neighbours(selected, relationship.getValue() == null ? null
                    : relationship.getValue().replace("<", "").replace(">", "")), false);
        }
    }

    private void origin() {
        errors.clear();
        String text = unit.getValue().strip();
        int path = text.indexOf("/01/");
        if (path < 0) {
            unit.setInvalid(true);
            unit.setErrorMessage(getTranslation("graph.notACode"));
            return;
        }
        String unitPath = text.substring(path).replaceAll("[?#].*$", "");
        GraphView view = explorer.originOf(unitPath);
        if (view.nodes().isEmpty()) {
            errors.show(new IllegalArgumentException(getTranslation("graph.noSuchUnit")));
        }
        show(view, true);
    }

    /** Called from the browser when a node is tapped. */
    @ClientCallable
    void nodeTapped(String id) {
        select(id);
    }

    private void select(String id) {
        selected = id;
        properties.removeAll();
        explorer.node(id).ifPresent(node -> {
            properties.add(new H4(node.kind() + " · " + node.caption()));
            new TreeMap<>(node.properties()).forEach((k, v) -> properties.add(new Div(new Span(k + ": "), new Span(String.valueOf(v)))));
        });
        Map<String, Long> counts = explorer.relationshipCounts(id);
        relationship.setItems(counts.keySet());
        relationship.setItemLabelGenerator(k -> k == null ? getTranslation("graph.allRelationships") : k + " (" + counts.get(k) + ")");
        graph.getElement().executeJs("if (this.__cy) { this.__cy.$(':selected').unselect(); this.__cy.getElementById($0).select(); }", id);
    }

    /** Draws the view: replaces the drawing, or adds to it (expanding) and lays the whole graph out again. */
    void show(GraphView view, boolean replace) {
        List<Map<String, Object>> elements = new java.util.ArrayList<>();
        view.nodes().forEach(n -> elements.add(Map.of("group", "nodes", "data",
                Map.of("id", n.id(), "caption", n.kind() + " " + n.caption(), "colour", colour(n.kind())))));
        view.edges().forEach(e -> elements.add(Map.of("group", "edges", "data",
                Map.of("id", e.source() + "|" + e.type() + "|" + e.target(), "source", e.source(), "target", e.target(), "type", e.type()))));
        graph.getElement().executeJs(BrowserScripts.afterLoading(BrowserScripts.CYTOSCAPE, "cytoscape", """
                const cy = $0.__cy, elements = JSON.parse($1);
                if (!cy) { return; }
                if ($2) { cy.elements().remove(); }
                cy.add(elements.filter(e => e.group === 'nodes' && cy.getElementById(e.data.id).empty()));
                cy.add(elements.filter(e => e.group === 'edges' && cy.getElementById(e.data.id).empty()));
                cy.layout({name: 'cose', animate: false, nodeDimensionsIncludeLabels: true}).run();
                cy.fit(undefined, 30);
                """), graph.getElement(), JSON.writeValueAsString(elements), replace);
        if (view.truncated()) {
            errors.show(new IllegalStateException(getTranslation("graph.truncated", GraphExplorerService.PER_TYPE)));
        }
    }

    private static String colour(String kind) {
        return switch (kind) {
            case "Organization" -> "#6a1b9a";
            case "Premises" -> "#8e24aa";
            case "Product" -> "#00897b";
            case "Batch" -> "#1565c0";
            case "TraceCode" -> "#90caf9";
            case "Certificate" -> "#2e7d32";
            case "Inspection" -> "#ef6c00";
            case "Shipment" -> "#5d4037";
            case "Consignment" -> "#455a64";
            case "Location" -> "#000000";
            case "Recall" -> "#c62828";
            default -> "#9e9e9e";
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.graph") + " · CrossTrace";
    }
}
