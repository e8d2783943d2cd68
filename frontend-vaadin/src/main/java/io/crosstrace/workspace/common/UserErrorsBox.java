package io.crosstrace.workspace.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import io.crosstrace.hub.graphql.UserError;
import io.crosstrace.hub.mutation.Outcome;

/**
 * What a service refused, shown on the form: each user error as a line, and on its field when the error names one
 * the form shows. The rules are the service's; the form only repeats its answer.
 */
public class UserErrorsBox extends Div {

    private final Map<String, HasValidation> fields = new HashMap<>();
    private final UnorderedList lines = new UnorderedList();

    public UserErrorsBox() {
        setId("user-errors");
        addClassName("ct-errors");
        add(lines);
        setVisible(false);
    }

    /** Marks this form field when an error names {@code name} (the last part of the error's field path). */
    public UserErrorsBox field(String name, HasValidation field) {
        fields.put(name, field);
        return this;
    }

    /** Shows the outcome's errors; true when the service accepted the request. */
    public boolean show(Outcome<?> outcome) {
        show(outcome.userErrors());
        return outcome.ok();
    }

    public void show(List<UserError> errors) {
        clear();
        for (UserError error : errors) {
            lines.add(new ListItem(error.message() + (error.code() == null ? "" : " (" + error.code() + ")")));
            List<String> path = error.field();
            if (path != null && !path.isEmpty() && fields.containsKey(path.getLast())) {
                HasValidation field = fields.get(path.getLast());
                field.setErrorMessage(error.message());
                field.setInvalid(true);
            }
        }
        setVisible(!errors.isEmpty());
    }

    /** A refusal that came as an exception (no such record, a role the caller lacks, bad input). */
    public void show(Exception refusal) {
        clear();
        lines.add(new ListItem(refusal.getMessage() == null ? refusal.getClass().getSimpleName() : refusal.getMessage()));
        setVisible(true);
    }

    public void clear() {
        lines.removeAll();
        setVisible(false);
    }
}
