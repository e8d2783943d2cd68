package io.crosstrace.workspace.common;

import com.vaadin.flow.component.html.Span;

/** Coloured labels for verdicts and risk levels (styles in workspace.css). */
public final class Badges {

    private Badges() {
    }

    public static Span verdict(Object verdict) {
        Span badge = new Span(String.valueOf(verdict));
        badge.addClassNames("ct-verdict", "ct-verdict-" + verdict);
        return badge;
    }

    public static Span level(Object level, String text) {
        Span badge = new Span(text);
        badge.addClassNames("ct-verdict", "ct-level-" + level);
        return badge;
    }

    public static Span state(boolean good, String text) {
        Span badge = new Span(text);
        badge.addClassNames("ct-verdict", good ? "ct-ok" : "ct-bad");
        return badge;
    }
}
