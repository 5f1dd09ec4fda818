package com.fitnesscrm.orchestrator.progress.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.progress.ui.ProgressCsv.DateOrder;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Client progress view as a European trainer uses it: an Excel file uploaded, dates that read both ways asked
 * about, the template downloaded; and what the results say once (insights), with a legend, or stale.
 */
class ProgressImportKT extends KaribuTest {

    private static final DateTimeFormatter DAY_FIRST = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    private Clock clock;

    @Test
    void an_uploaded_european_excel_file_is_analysed_with_a_legend_and_each_insight_once() {
        open(Locale.GERMANY);
        StringBuilder file = new StringBuilder("\uFEFFdate;weight_kg\r\n");
        LocalDate today = LocalDate.now(clock);
        for (int d = 42; d >= 0; d--) {
            file.append(today.minusDays(d).format(DAY_FIRST)).append(';')
                    .append(String.format(Locale.GERMANY, "%.1f", 88 - 0.5 * (42 - d) / 7 + (d % 3 - 1) * 0.2))
                    .append("\r\n");
        }
        UploadKt._upload(_get(Upload.class), "gewicht.csv", "text/csv",
                file.toString().getBytes(StandardCharsets.UTF_8));
        MockVaadin.clientRoundtrip();
        assertThat(_get(TextArea.class, spec -> spec.withId("progress-csv")).getValue())
                .contains("date;weight_kg").contains(today.format(DAY_FIRST) + ";");
        _setValue(_get(NumberField.class, spec -> spec.withId("progress-target")), 82.0);

        analyse();

        assertThat(_find(Span.class, spec -> spec.withClasses("pc-legend-item"))).extracting(Span::getText)
                .containsExactly("Readings", "Trend (moving average)", "Measured rate", "Goal 82.0 kg",
                        "Expected date and range");
        List<String> texts = texts();
        assertThat(texts.stream().filter(text -> text.contains("At the measured rate weight reaches 82 kg")))
                .as("the goal's insight, said once").hasSize(1);
        assertThat(_find(Paragraph.class, spec -> spec.withId("progress-narrative"))).isEmpty();
    }

    @Test
    void dates_that_read_both_ways_are_asked_about_and_read_in_the_order_chosen_and_old_ones_say_stale() {
        open(Locale.GERMANY);
        // January 1 to 12, 2025, month first; read day first they would be the 1st of each month
        StringBuilder csv = new StringBuilder("date;weight_kg\n");
        for (int day = 1; day <= 12; day++) {
            csv.append(String.format("01/%02d/2025;%s%n", day, String.format(Locale.GERMANY, "%.1f", 90 - day * 0.1)));
        }
        _setValue(_get(TextArea.class, spec -> spec.withId("progress-csv")), csv.toString());
        _setValue(_get(NumberField.class, spec -> spec.withId("progress-target")), 85.0);

        analyse();

        @SuppressWarnings("unchecked")
        RadioButtonGroup<DateOrder> order = _get(RadioButtonGroup.class, spec -> spec.withId("progress-date-order"));
        assertThat(order.getValue()).as("the German browser's order").isEqualTo(DateOrder.DAY_FIRST);
        assertThat(_find(ListItem.class)).as("nothing analysed before the trainer answered").isEmpty();
        _setValue(order, DateOrder.MONTH_FIRST);

        analyse();

        assertThat(_find(Span.class, spec -> spec.withClasses("progress-stale"))).singleElement()
                .extracting(Span::getText).asString().startsWith("No readings since 2025-01-12 — stale");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("progress-goal"))).singleElement()
                .extracting(Paragraph::getText).asString().contains("no readings since 2025-01-12 — stale");
        assertThat(texts()).noneMatch(text -> text.contains("on track"));
    }

    @Test
    void the_template_downloads_as_the_browsers_excel_reads_it() {
        open(Locale.GERMANY);
        Anchor german = _get(Anchor.class, spec -> spec.withId("progress-csv-template"));
        assertThat(german.getText()).isEqualTo("Download template");
        assertThat(new String(DownloadKt._download(german), StandardCharsets.UTF_8))
                .startsWith("date;weight_kg;body_fat_pct;waist_cm\r\n").contains(";84,2;");

        open(Locale.US);
        assertThat(new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("progress-csv-template"))),
                StandardCharsets.UTF_8)).startsWith("date,weight_kg,body_fat_pct,waist_cm\r\n").contains(",84.2,");
    }

    @Test
    void an_error_names_the_line_and_the_column() {
        open(Locale.US);
        TextArea csv = _get(TextArea.class, spec -> spec.withId("progress-csv"));
        _setValue(csv, "date;weight_kg\n\n2026-01-05;84,2\n2026-01-06;84,x\n");

        analyse();

        assertThat(csv.isInvalid()).isTrue();
        assertThat(csv.getErrorMessage()).isEqualTo("Line 4: '84,x' in column 'weight_kg' is not a number.");
    }

    private void open(Locale locale) {
        login(UserRole.TRAINER);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(ClientProgressView.class);
    }

    private static List<String> texts() {
        return Stream.of(_find(ListItem.class), _find(Paragraph.class), _find(Span.class)).flatMap(List::stream)
                .map(HasText::getText).toList();
    }

    /** Clicks Analyse and waits until it may be clicked again: the outcome pushed, or the form asking. */
    private static void analyse() {
        Button analyse = _get(Button.class, spec -> spec.withId("progress-analyse"));
        _click(analyse);
        awaitPush(analyse::isEnabled);
    }
}
