package com.fitnesscrm.orchestrator.progress.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ui.ProgressCsv.DateOrder;
import com.fitnesscrm.orchestrator.progress.ui.ProgressCsv.DateOrderNeededException;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressInputReader;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProgressCsvTest {

    @Test
    void reads_a_header_with_pounds_semicolons_decimal_commas_and_empty_cells() {
        var rows = ProgressCsv.measurements("date;weight_lb;waist_in\n2026-11-01;180,5;34\n2026-11-02;180;\n");

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("weight_lb").asDouble()).isEqualTo(180.5);
        assertThat(rows.get(1).has("waist_in")).isFalse();
        ProgressInput input = ProgressInputReader.read(ProgressCsv.input("date;weight_lb\n2026-11-01;180\n",
                Metric.WEIGHT_KG, 78.0, null), LocalDate.of(2026, 11, 25));
        assertThat(input.readings().get(0).value()).isEqualTo(180 * 0.45359237);
        assertThat(input.goals().get(0).target()).isEqualTo(78);
    }

    @Test
    void lines_without_a_header_are_date_and_weight_in_kg() {
        var rows = ProgressCsv.measurements("2026-11-01,84.2\n2026-11-02,84.0");

        assertThat(rows.get(1).get("weight_kg").asDouble()).isEqualTo(84.0);
    }

    @Test
    void errors_name_the_line_the_trainer_typed() {
        assertThatThrownBy(() -> ProgressCsv.measurements("date,weight_kg\n2026-11-01,84\n2026-11-02,eighty"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.getMessage()).startsWith("Line 3: 'eighty'"));
        String csv = "date,weight_kg\n2026-11-01,84\n2026-11-02,-1\n";
        InvalidInputException refused = new InvalidInputException("measurements[1].weight_kg",
                "'measurements[1].weight_kg' must be positive, not -1.");
        assertThat(ProgressCsv.describe(refused, csv)).isEqualTo("'line 3, weight_kg' must be positive, not -1.");
    }

    /** What Excel in a German, French or Dutch locale saves as "CSV UTF-8": BOM, CRLF, ';', decimal commas. */
    private static final String EUROPEAN_EXCEL = "\uFEFFdate;weight_kg;body_fat_pct;waist_cm\r\n"
            + "05/01/2026;84,2;22,5;92\r\n"
            + "13/01/2026;83,8;;91,5\r\n"
            + ";;;\r\n";

    @Test
    void reads_a_european_excel_file_with_bom_crlf_semicolons_decimal_commas_and_day_first_dates() {
        var rows = ProgressCsv.measurements(EUROPEAN_EXCEL);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("date").asText()).isEqualTo("2026-01-05"); // 13/01 says the day comes first
        assertThat(rows.get(0).get("weight_kg").asDouble()).isEqualTo(84.2);
        assertThat(rows.get(0).get("body_fat_pct").asDouble()).isEqualTo(22.5);
        assertThat(rows.get(1).get("date").asText()).isEqualTo("2026-01-13");
        assertThat(rows.get(1).has("body_fat_pct")).isFalse();
        assertThat(rows.get(1).get("waist_cm").asDouble()).isEqualTo(91.5);
        ProgressInput input = ProgressInputReader.read(ProgressCsv.input(EUROPEAN_EXCEL, Metric.WEIGHT_KG, 80.0,
                null), LocalDate.of(2026, 2, 1));
        assertThat(input.readings()).extracting(ProgressInput.Reading::date).contains(LocalDate.of(2026, 1, 13));
    }

    @Test
    void reads_month_first_dates_when_a_day_above_12_says_so_and_dotted_dates_day_first() {
        assertThat(ProgressCsv.measurements("date,weight_kg\n01/05/2026,84.2\n01/13/2026,83.8\n")
                .get(0).get("date").asText()).isEqualTo("2026-01-05");
        assertThat(ProgressCsv.measurements("date\tweight_kg\n05.01.2026\t84,2\n").get(0).get("date").asText())
                .isEqualTo("2026-01-05");
        assertThat(ProgressCsv.measurements("\"date\",\"weight_kg\"\n\"2026-01-05\",\"84,2\"\n").get(0)
                .get("weight_kg").asDouble()).isEqualTo(84.2);
    }

    @Test
    void dates_that_read_both_ways_need_the_trainers_order_and_are_read_in_it() {
        String csv = "date;weight_kg\n03/04/2026;84,2\n10/04/2026;84,0\n";

        assertThat(ProgressCsv.needsDateOrder(csv)).isTrue();
        assertThatThrownBy(() -> ProgressCsv.measurements(csv)).isInstanceOfSatisfying(
                DateOrderNeededException.class, e -> assertThat(e.getMessage()).contains("03/04/2026")
                        .contains("day first or month first"));
        assertThat(ProgressCsv.measurements(csv, DateOrder.DAY_FIRST).get(0).get("date").asText())
                .isEqualTo("2026-04-03");
        assertThat(ProgressCsv.measurements(csv, DateOrder.MONTH_FIRST).get(0).get("date").asText())
                .isEqualTo("2026-03-04");
        assertThat(ProgressCsv.needsDateOrder(EUROPEAN_EXCEL)).isFalse();
        assertThat(ProgressCsv.needsDateOrder("date,weight_kg\n2026-04-03,84\n")).isFalse();
    }

    @Test
    void the_default_date_order_follows_the_browsers_locale() {
        assertThat(DateOrder.of(Locale.US)).isEqualTo(DateOrder.MONTH_FIRST);
        assertThat(DateOrder.of(Locale.UK)).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.of(Locale.GERMANY)).isEqualTo(DateOrder.DAY_FIRST);
        assertThat(DateOrder.of(Locale.FRANCE)).isEqualTo(DateOrder.DAY_FIRST);
    }

    @Test
    void errors_name_the_line_as_the_editor_numbers_it_and_the_column() {
        assertThatThrownBy(() -> ProgressCsv.measurements("date;weight_kg\n\n05/01/2026;84,2\n06/01/2026;8x\n"))
                .hasMessage("Line 4: '8x' in column 'weight_kg' is not a number.");
        assertThatThrownBy(() -> ProgressCsv.measurements("date,weight_kg\n5 Jan 2026,84\n"))
                .hasMessageStartingWith("Line 2: '5 Jan 2026' in column 'date' is not a date; write it as 2026-01-31");
        assertThatThrownBy(() -> ProgressCsv.measurements("date,weight_kg\n25/01/2026,84\n01/25/2026,84\n"))
                .hasMessage("Line 3: '01/25/2026' in column 'date' puts the month first, but line 2 ('25/01/2026') "
                        + "puts the day first; use one order in the whole file.");
        assertThatThrownBy(() -> ProgressCsv.measurements("date,weight_kg\n2026-01-05,81,5\n"))
                .hasMessageContaining("Line 2 has 3 values, but the header names 2 columns")
                .hasMessageContaining("decimal comma");
        assertThatThrownBy(() -> ProgressCsv.measurements("day;weight_kg\n2026-01-05;81\n"))
                .hasMessage("Line 1: the first column must be 'date', not 'day'.");
        // the reader's errors, after a blank line: still the line the trainer sees
        String csv = "date;weight_kg\n\n05/01/2026;84\n13/01/2026;-1\n";
        InvalidInputException refused = new InvalidInputException("measurements[1].weight_kg",
                "'measurements[1].weight_kg' must be positive, not -1.");
        assertThat(ProgressCsv.describe(refused, csv)).isEqualTo("'line 4, weight_kg' must be positive, not -1.");
    }

    @Test
    void the_template_has_a_header_and_two_rows_that_read_back_in_either_locale() {
        String us = ProgressCsv.template(Locale.US);
        String de = ProgressCsv.template(Locale.GERMANY);

        assertThat(us.lines().toList()).hasSize(3).first().isEqualTo("date,weight_kg,body_fat_pct,waist_cm");
        assertThat(de.lines().toList()).hasSize(3).first().isEqualTo("date;weight_kg;body_fat_pct;waist_cm");
        assertThat(de).contains("84,2");
        assertThat(ProgressCsv.measurements(us)).isEqualTo(ProgressCsv.measurements(de)).hasSize(2);
        assertThat(ProgressCsv.measurements(de).get(1).get("waist_cm").asDouble()).isEqualTo(91.5);
    }
}
