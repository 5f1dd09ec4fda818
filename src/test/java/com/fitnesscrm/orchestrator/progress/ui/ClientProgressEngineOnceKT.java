package com.fitnesscrm.orchestrator.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.progress.ProgressMonitorAgent;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * One click on Analyse is one pass of the rules engine: the chart comes from the run's own pass, not a second
 * analysis of the same input (issue 13). The agent is spied on to count the passes: {@code runRules} is the run's,
 * {@code analyse} a pass outside any run.
 */
class ClientProgressEngineOnceKT extends KaribuTest {

    @MockitoSpyBean
    private ProgressMonitorAgent agent;
    @Autowired
    private Clock clock;

    @Test
    void one_analyse_click_runs_the_engine_once_and_still_draws_the_chart() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ClientProgressView.class);
        _setValue(_get(TextArea.class, spec -> spec.withId("progress-csv")), csv());
        clearInvocations(agent);

        Button analyse = _get(Button.class, spec -> spec.withId("progress-analyse"));
        _click(analyse);
        awaitPush(analyse::isEnabled);

        assertThat(_get(_get(Div.class, spec -> spec.withId("chart-weight_kg")), Div.class,
                spec -> spec.withClasses("progress-chart-drawing")).getElement().getProperty("innerHTML"))
                .startsWith("<svg").contains("class=\"pc-trend\"");
        verify(agent, times(1)).runRules(any(), any());
        verify(agent, never()).analyse(any());
    }

    /** Four weeks of steady loss. */
    private String csv() {
        LocalDate today = LocalDate.now(clock);
        StringBuilder csv = new StringBuilder("date,weight_kg\n");
        for (int d = 28; d >= 0; d--) {
            csv.append(today.minusDays(d)).append(',')
                    .append(String.format(Locale.ROOT, "%.1f", 86 - 0.08 * (28 - d) + (d % 3) * 0.2)).append('\n');
        }
        return csv.toString();
    }
}
