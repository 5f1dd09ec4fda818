package com.fitnesscrm.orchestrator.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Every UI speaks the browser's locale. Without an I18NProvider Vaadin leaves a UI at the server's default, so on a
 * server in another country a trainer's date order and decimal separator (CSV import, the template) would be wrong.
 */
@Component
class BrowserLocale implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            Locale locale = request == null ? null : request.getLocale();
            if (locale != null) {
                init.getUI().setLocale(locale);
            }
        });
    }
}
