package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CheckInOutputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reads_the_summary_nodes_text() throws Exception {
        assertThat(CheckInOutput.summary(JSON.readTree("{\"summary\": {\"summary\": \"On track, 0.4 kg a week.\"}}")))
                .isEqualTo("On track, 0.4 kg a week.");
        assertThat(CheckInOutput.summary(JSON.readTree("{\"summary\": \"Plateau.\"}"))).isEqualTo("Plateau.");
    }

    @Test
    void shows_the_output_as_json_before_the_summary_is_written() throws Exception {
        assertThat(CheckInOutput.summary(JSON.readTree("{\"progress\": {\"trend\": \"plateau\"}}")))
                .contains("\"trend\" : \"plateau\"");
    }

    @Test
    void finds_the_proposed_sessions_in_the_scheduling_nodes_output() throws Exception {
        var output = JSON.readTree("{\"progress\": {}, \"schedule\": {\"suggestions\": [{\"start\": \"Mon 07:00\"}]}}");

        assertThat(CheckInOutput.sessions(output)).hasValueSatisfying(
                sessions -> assertThat(sessions.get(0).get("start").asText()).isEqualTo("Mon 07:00"));
        assertThat(CheckInOutput.sessions(JSON.readTree("{\"progress\": {}}"))).isEmpty();
    }
}
