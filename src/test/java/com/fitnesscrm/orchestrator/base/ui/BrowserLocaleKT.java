package com.fitnesscrm.orchestrator.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class BrowserLocaleKT extends KaribuTest {

    @Test
    void a_page_speaks_the_browsers_locale_not_the_servers() {
        Locale browser = Locale.getDefault().getLanguage().equals("de") ? Locale.JAPAN : Locale.GERMANY;
        ((FakeRequest) VaadinServletRequest.getCurrent().getRequest()).setLocaleInt(browser);

        UI.getCurrent().getPage().reload();

        assertThat(UI.getCurrent().getLocale()).isEqualTo(browser);
    }
}
