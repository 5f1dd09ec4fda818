package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.time.LocalDate;
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
}
