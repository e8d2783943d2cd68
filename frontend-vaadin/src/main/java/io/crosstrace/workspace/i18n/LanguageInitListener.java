package io.crosstrace.workspace.i18n;

import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;

/** Every new page of the workspace starts in the partner's remembered language. */
@Component
class LanguageInitListener implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinService.getCurrentRequest();
            if (request != null) {
                init.getUI().setLocale(LanguagePreference.of(request));
            }
        });
    }
}
