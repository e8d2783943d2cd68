package io.crosstrace.workspace.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;

/** The workspace frame: title bar and navigation. */
@jakarta.annotation.security.PermitAll
@Layout
public class WorkspaceLayout extends AppLayout {

    public WorkspaceLayout() {
        H1 title = new H1("CrossTrace");
        title.getStyle().set("font-size", "1.125rem").set("margin", "0 var(--lumo-space-m)");
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Batches 批次", "batches"));
        addToNavbar(new DrawerToggle(), title);
        addToDrawer(nav);
    }
}
