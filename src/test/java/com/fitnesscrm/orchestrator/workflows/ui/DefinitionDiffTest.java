package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionDiff.Line;
import org.junit.jupiter.api.Test;

class DefinitionDiffTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shows_a_changed_value_as_one_line_out_and_one_in() throws Exception {
        var diff = DefinitionDiff.between(JSON.readTree("{\"start\": \"a\", \"budget_usd\": 0.5}"),
                JSON.readTree("{\"start\": \"a\", \"budget_usd\": 1.0}"));

        assertThat(DefinitionDiff.changes(diff)).containsExactly(new Line('-', "  \"budget_usd\" : 0.5"),
                new Line('+', "  \"budget_usd\" : 1.0"));
        assertThat(diff).contains(new Line(' ', "  \"start\" : \"a\","));
    }

    @Test
    void finds_no_change_between_equal_definitions() throws Exception {
        var same = JSON.readTree("{\"nodes\": [{\"id\": \"a\"}]}");

        assertThat(DefinitionDiff.changes(DefinitionDiff.between(same, same))).isEmpty();
    }
}
