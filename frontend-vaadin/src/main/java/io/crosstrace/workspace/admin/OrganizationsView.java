package io.crosstrace.workspace.admin;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import io.crosstrace.hub.graphql.PageRequest;
import io.crosstrace.hub.registry.Organization;
import io.crosstrace.hub.registry.OrganizationOrder;
import io.crosstrace.hub.registry.RegistryService;
import io.crosstrace.workspace.common.GridSort;

/** The partner organizations, lazily listed and filtered by role. */
@RolesAllowed({"PLATFORM_ADMIN"})
@Route("admin/organizations")
public class OrganizationsView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Organization> grid = new Grid<>(Organization.class, false);

    /** Sortable columns and the service's orders for them (ascending, descending). */
    private static final Map<String, OrganizationOrder[]> ORDERS = Map.of(
            "name", new OrganizationOrder[] {OrganizationOrder.NAME_ASCENDING, OrganizationOrder.NAME_DESCENDING},
            "gln", new OrganizationOrder[] {OrganizationOrder.GLN_ASCENDING, OrganizationOrder.GLN_DESCENDING},
            "country", new OrganizationOrder[] {OrganizationOrder.COUNTRY_ASCENDING, OrganizationOrder.COUNTRY_DESCENDING});

    public OrganizationsView(RegistryService registry) {
        setSizeFull();
        Select<String> role = new Select<>();
        role.setLabel(getTranslation("organization.role"));
        role.setItems("PRODUCER", "EXPORTER", "AUDITOR", "INSPECTOR", "IMPORTER", "LOGISTICS", "PLATFORM");
        role.setEmptySelectionAllowed(true);
        role.setEmptySelectionCaption(getTranslation("filter.all"));
        ConfigurableFilterDataProvider<Organization, Void, String> data = new CallbackDataProvider<Organization, String>(
                q -> registry.organizations(q.getFilter().orElse(null), new PageRequest(q.getLimit(), q.getOffset()), false,
                        GridSort.order(q, ORDERS, OrganizationOrder.GLN_ASCENDING)).nodes().stream(),
                q -> Math.toIntExact(registry.organizations(q.getFilter().orElse(null), new PageRequest(0, 0), true).totalCount()))
                .withConfigurableFilter();
        role.addValueChangeListener(e -> data.setFilter(e.getValue()));
        boolean chinese = "zh".equals(getLocale().getLanguage());
        grid.setId("organizations");
        grid.addColumn(o -> chinese && o.nameZh() != null ? o.nameZh() : o.name()).setHeader(getTranslation("premises.name")).setAutoWidth(true)
                .setKey("name").setSortable(true);
        grid.addColumn(Organization::gln).setHeader("GLN").setKey("gln").setSortable(true);
        grid.addColumn(Organization::country).setHeader(getTranslation("premises.country")).setKey("country").setSortable(true);
        grid.addColumn(o -> String.join(", ", o.roles())).setHeader(getTranslation("organization.role"));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setItems(data);
        add(new H2(getTranslation("nav.organizations")), role, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.organizations") + " · CrossTrace";
    }
}
