package io.crosstrace.workspace.layout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import io.crosstrace.hub.security.Actor;
import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.hub.security.Role;
import io.crosstrace.workspace.admin.ApplicationsView;
import io.crosstrace.workspace.admin.BlacklistView;
import io.crosstrace.workspace.admin.LedgerView;
import io.crosstrace.workspace.admin.OrganizationsView;
import io.crosstrace.workspace.admin.UsersView;
import io.crosstrace.workspace.analyst.DashboardView;
import io.crosstrace.workspace.analyst.GraphExplorerView;
import io.crosstrace.workspace.analyst.RecallImpactView;
import io.crosstrace.workspace.analyst.RiskQueueView;
import io.crosstrace.workspace.audit.AuditWorkView;
import io.crosstrace.workspace.audit.CertificatesView;
import io.crosstrace.workspace.batch.ui.BatchListView;
import io.crosstrace.workspace.importer.ConsignmentsView;
import io.crosstrace.workspace.logistics.ShipmentsView;
import io.crosstrace.workspace.port.ArrivalsView;
import io.crosstrace.workspace.port.ScanVerifyView;
import io.crosstrace.workspace.producer.MintCodesView;
import io.crosstrace.workspace.producer.PremisesView;
import io.crosstrace.workspace.producer.ProductsView;
import io.crosstrace.workspace.producer.RegisterBatchView;
import io.crosstrace.workspace.recall.Fsma204ExportView;

/**
 * Every view of the workspace in menu order, grouped by the partner who works in it. The menu and the start page
 * show only those the signed-in user's roles open (each view's {@code @RolesAllowed}); the services behind them
 * check the roles again.
 */
public final class WorkspaceMenu {

    static final List<MenuEntry> ENTRIES = List.of(
            new MenuEntry(MintCodesView.class, "nav.codes", VaadinIcon.QRCODE),
            new MenuEntry(RegisterBatchView.class, "nav.batchNew", VaadinIcon.PLUS_SQUARE_O),
            new MenuEntry(ProductsView.class, "nav.products", VaadinIcon.CUBES),
            new MenuEntry(PremisesView.class, "nav.premises", VaadinIcon.FACTORY),
            new MenuEntry(ArrivalsView.class, "nav.arrivals", VaadinIcon.BOAT),
            new MenuEntry(ScanVerifyView.class, "nav.verify", VaadinIcon.QRCODE),
            new MenuEntry(AuditWorkView.class, "nav.auditWork", VaadinIcon.CLIPBOARD_CHECK),
            new MenuEntry(CertificatesView.class, "nav.certificates", VaadinIcon.DIPLOMA),
            new MenuEntry(ConsignmentsView.class, "nav.consignments", VaadinIcon.CART),
            new MenuEntry(ShipmentsView.class, "nav.shipments", VaadinIcon.TRUCK),
            new MenuEntry(GraphExplorerView.class, "nav.graph", VaadinIcon.CLUSTER),
            new MenuEntry(DashboardView.class, "nav.dashboards", VaadinIcon.CHART),
            new MenuEntry(RiskQueueView.class, "nav.risk", VaadinIcon.WARNING),
            new MenuEntry(RecallImpactView.class, "nav.recalls", VaadinIcon.ROTATE_LEFT),
            new MenuEntry(Fsma204ExportView.class, "nav.export", VaadinIcon.DOWNLOAD),
            new MenuEntry(ApplicationsView.class, "nav.applications", VaadinIcon.INBOX),
            new MenuEntry(OrganizationsView.class, "nav.organizations", VaadinIcon.BUILDING),
            new MenuEntry(UsersView.class, "nav.users", VaadinIcon.USERS),
            new MenuEntry(BlacklistView.class, "nav.blacklist", VaadinIcon.BAN),
            new MenuEntry(LedgerView.class, "nav.ledger", VaadinIcon.BOOK),
            new MenuEntry(BatchListView.class, "nav.batches", VaadinIcon.PACKAGE));

    /**
     * Where each role starts its day; the first of the user's roles in this order wins (an inspector who also
     * assesses applications still starts on the arrivals queue).
     */
    static final Map<Role, Class<? extends Component>> START = new LinkedHashMap<>();

    static {
        START.put(Role.PLATFORM_ADMIN, ApplicationsView.class);
        START.put(Role.INSPECTOR, ArrivalsView.class);
        START.put(Role.AUDITOR, AuditWorkView.class);
        START.put(Role.PRODUCER, MintCodesView.class);
        START.put(Role.IMPORTER, ConsignmentsView.class);
        START.put(Role.EXPORTER, ShipmentsView.class);
        START.put(Role.LOGISTICS, ShipmentsView.class);
        START.put(Role.ANALYST, GraphExplorerView.class);
    }

    private WorkspaceMenu() {
    }

    /** The view the signed-in user starts on: its role's start view, else the first view it may open. */
    public static Optional<Class<? extends Component>> start() {
        Actor actor = CurrentActor.get();
        List<Class<? extends Component>> allowed = allowed().stream().<Class<? extends Component>>map(MenuEntry::view).toList();
        return START.entrySet().stream().filter(e -> actor.has(e.getKey())).map(Map.Entry::getValue)
                .filter(allowed::contains).findFirst().or(() -> allowed.stream().findFirst());
    }

    /** The entries the current request's user may open, in menu order. */
    public static List<MenuEntry> allowed() {
        AccessAnnotationChecker access = new AccessAnnotationChecker();
        return ENTRIES.stream().filter(e -> access.hasAccess(e.view())).toList();
    }
}
