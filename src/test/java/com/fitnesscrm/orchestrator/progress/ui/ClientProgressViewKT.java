package com.fitnesscrm.orchestrator.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClientProgressViewKT extends KaribuTest {

    @Autowired
    private Clock clock;

    @Test
    void a_trainer_pastes_measurements_and_sees_the_chart_the_rate_the_goal_dates_and_the_anomaly() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(ClientProgressView.class);

        _setValue(_get(TextArea.class, spec -> spec.withId("progress-csv")), csv());
        _setValue(_get(NumberField.class, spec -> spec.withId("progress-target")), 80.0);
        analyse();

        // Drawn inline now (an <img> could not take the dark theme's colours): the SVG is in the page.
        Div chart = _get(Div.class, spec -> spec.withId("chart-weight_kg"));
        assertThat(_get(chart, Div.class, spec -> spec.withClasses("progress-chart-drawing")).getElement()
                .getProperty("innerHTML")).startsWith("<svg").contains("class=\"pc-trend\"");
        assertThat(_find(ListItem.class).stream().map(ListItem::getText))
                .anyMatch(text -> text.startsWith("Weight trend") && text.contains("falling"))
                .anyMatch(text -> text.startsWith("At the measured rate weight reaches 80 kg between"));
        assertThat(_find(Span.class, spec -> spec.withClasses("progress-anomaly"))).singleElement()
                .satisfies(badge -> assertThat(badge.getText()).contains("91.5 kg").contains("above the trend"));
        assertThat(_find(Span.class).stream().map(Span::getText))
                .anyMatch(text -> text.startsWith("Trend ") && text.contains("kg/week (95% "));
    }

    @Test
    void an_impossible_date_is_shown_at_the_measurements_with_its_line_number() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate(ClientProgressView.class);

        TextArea csv = _get(TextArea.class, spec -> spec.withId("progress-csv"));
        _setValue(csv, "date,weight_kg\n2026-01-05,84.0\n2026-02-30,83.5\n");
        analyse();

        assertThat(csv.isInvalid()).isTrue();
        assertThat(csv.getErrorMessage()).contains("line 3").contains("not a real date");
        assertThat(_find(ListItem.class)).isEmpty();
    }

    /** Six weeks of loss at 0.5 kg a week with one 6 kg typo. */
    private String csv() {
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("date,weight_kg\n");
        for (int d = 42; d >= 0; d--) {
            double kg = 88 - 0.5 * (42 - d) / 7 + 0.3 * random.nextGaussian();
            csv.append(today.minusDays(d)).append(',').append(d == 20 ? "91.5" : String.format(
                    java.util.Locale.ROOT, "%.1f", kg)).append('\n');
        }
        return csv.toString();
    }

    /** Clicks Analyse and waits for the outcome to be pushed, as the trainer would. */
    private static void analyse() {
        var analyse = _get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("progress-analyse"));
        _click(analyse);
        awaitPush(analyse::isEnabled);
    }
}
