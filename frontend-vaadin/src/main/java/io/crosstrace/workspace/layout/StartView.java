package io.crosstrace.workspace.layout;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;

/** The start page: each partner lands on the first view of its own work, e.g. an inspector on the arrivals queue. */
@PermitAll
@Route("")
public class StartView extends VerticalLayout implements BeforeEnterObserver {

    public StartView() {
        add(new Paragraph(getTranslation("start.nothing")));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        WorkspaceMenu.start().ifPresent(event::forwardTo);
    }
}
