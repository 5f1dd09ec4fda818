package com.fitnesscrm.orchestrator.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_stays_text_and_numbers_stay_numbers() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvCells.cell("+1 555")).isEqualTo("'+1 555");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        // OWASP's list also has tab and carriage return, which some spreadsheets skip before a formula
        assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvCells.cell("-2.5")).isEqualTo("-2.5");
        assertThat(CsvCells.cell("0.85")).isEqualTo("0.85");
    }

    @Test
    void separators_quotes_and_line_breaks_are_quoted_and_null_is_an_empty_cell() {
        assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvCells.cell("one\ntwo\nthree")).isEqualTo("\"one\ntwo\nthree\"");
        assertThat(CsvCells.row(Arrays.asList("x", null, 3))).isEqualTo("x,,3\r\n");
        assertThat(CsvCells.row(List.of("say \"hi\""))).isEqualTo("\"say \"\"hi\"\"\"\r\n");
    }
}
