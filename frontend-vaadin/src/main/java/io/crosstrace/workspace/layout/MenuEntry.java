package io.crosstrace.workspace.layout;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.icon.VaadinIcon;

/** One view in the side navigation: which view, its label's message key and its icon. */
public record MenuEntry(Class<? extends Component> view, String labelKey, VaadinIcon icon) {
}
