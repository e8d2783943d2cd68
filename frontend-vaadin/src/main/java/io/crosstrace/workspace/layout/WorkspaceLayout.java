package io.crosstrace.workspace.layout;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.crosstrace.hub.security.CurrentActor;
import io.crosstrace.workspace.i18n.LanguagePreference;
import io.crosstrace.workspace.i18n.WorkspaceI18NProvider;

/**
 * The workspace frame: title bar with the language switch and sign-out, and the side navigation with the views
 * the signed-in user's roles open. On a phone the drawer collapses behind the toggle (AppLayout's overlay mode).
 */
@PermitAll
@Layout
public class WorkspaceLayout extends AppLayout {

    public WorkspaceLayout(AuthenticationContext authentication) {
        H1 title = new H1(getTranslation("app.title"));
        title.addClassName("ct-title");

        boolean chinese = WorkspaceI18NProvider.CHINESE.getLanguage().equals(getLocale().getLanguage());
        Button language = new Button(chinese ? "English" : "中文", e -> LanguagePreference.choose(getUI().orElseThrow(),
                chinese ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE));
        language.setId("language-switch");
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        Span user = new Span(CurrentActor.get().subject());
        user.setId("signed-in-user");
        user.addClassName("ct-user");
        Button signOut = new Button(VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        signOut.setId("sign-out");
        signOut.setAriaLabel(getTranslation("nav.signOut"));
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(title, language, user, signOut);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setFlexGrow(1, title);
        bar.setWidthFull();
        bar.addClassName("ct-navbar");

        SideNav nav = new SideNav();
        nav.setId("side-nav");
        for (MenuEntry entry : WorkspaceMenu.allowed()) {
            nav.addItem(new SideNavItem(getTranslation(entry.labelKey()), entry.view(), entry.icon().create()));
        }
        addToNavbar(new DrawerToggle(), bar);
        addToDrawer(nav);
    }
}
