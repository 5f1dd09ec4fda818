package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckInOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_the_summary_nodes_text_from_the_runs_final_state() throws Exception {
        var output = JSON.readTree("""
                {"nodes": {"assess": {"output": {"adjust": false}},
                           "summary": {"output": {"summary": "On track.", "sessions": [{"start": "2026-12-07T07:15Z"}]}}}}""");

        assertThat(CheckInOutput.summary(output)).isEqualTo("On track.");
        assertThat(CheckInOutput.sessions(output)).singleElement()
                .satisfies(session -> assertThat(CheckInOutput.time(session, "start")).isEqualTo("2026-12-07 07:15Z"));
    }

    @Test
    void reads_the_summary_nodes_text() throws Exception {
        assertThat(CheckInOutput.summary(JSON.readTree("{\"summary\": {\"summary\": \"On track, 0.4 kg a week.\"}}")))
                .isEqualTo("On track, 0.4 kg a week.");
        assertThat(CheckInOutput.summary(JSON.readTree("{\"summary\": \"Plateau.\"}"))).isEqualTo("Plateau.");
    }

    @Test
    void shows_the_output_as_json_before_the_summary_is_written() throws Exception {
        var output = JSON.readTree("{\"nodes\": {\"progress\": {\"output\": {\"trend\": \"plateau\"}}}}");

        assertThat(CheckInOutput.summaryText(output)).isEmpty();
        assertThat(CheckInOutput.summary(output)).contains("\"trend\" : \"plateau\"");
    }

    @Test
    void lists_the_sessions_the_summary_proposes() throws Exception {
        var output = JSON.readTree("""
                {"summary": "...", "sessions": [{"start": "2026-12-08T07:00", "end": "2026-12-08T08:00",
                 "show_probability": 0.874}]}""");

        assertThat(CheckInOutput.sessions(output)).singleElement().satisfies(session -> {
            assertThat(CheckInOutput.time(session, "start")).isEqualTo("2026-12-08 07:00");
            assertThat(CheckInOutput.showUp(session)).isEqualTo("87 %");
        });
    }

    @Test
    void finds_the_schedulers_suggestions_in_a_definition_without_the_summary() throws Exception {
        var output = JSON.readTree("""
                {"nodes": {"progress": {"output": {}}, "schedule": {"output": {"suggestions": [{"start": "Mon"}]}}}}""");

        assertThat(CheckInOutput.sessions(output)).hasSize(1);
        assertThat(CheckInOutput.sessions(JSON.readTree("{\"progress\": {}}"))).isEmpty();
    }
}
