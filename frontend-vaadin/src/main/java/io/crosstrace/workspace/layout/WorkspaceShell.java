package io.crosstrace.workspace.layout;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page around every workspace view: the Lumo theme and the workspace's own plain CSS, served as static files so
 * no frontend bundle is built. Long work updates its page through {@code UI.access} while the page polls
 * (see {@link BackgroundWork}).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@StyleSheet("context://workspace/workspace.css")
@Meta(name = "theme-color", content = "#1565c0")
public class WorkspaceShell implements AppShellConfigurator {
}
