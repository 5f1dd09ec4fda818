package com.fitnesscrm.orchestrator.execution.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A run that gave no result answers a problem whose RFC 9457 members mean what the RFC says, each once. */
class RunProblemsTest {

    // As the app writes problems: Spring's builder flattens ProblemDetail's properties into the body.
    private final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

    @AfterEach
    void forgetRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_failed_run_answers_502_with_the_http_status_once_and_the_runs_own_status_beside_it() throws Exception {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(
                new MockHttpServletRequest("POST", "/api/ai/progress-prediction")));

        ResponseEntity<ProblemDetail> answer = RunProblems.notSucceeded("Progress Monitor", 253,
                RunStatus.FAILED, "The rules engine failed.");
        String text = json.writeValueAsString(answer.getBody());
        JsonNode body = json.readTree(text);

        assertThat(answer.getStatusCode().value()).isEqualTo(502);
        assertThat(body.get("status").asInt()).isEqualTo(502);
        assertThat(occurrences(text, "\"status\"")).as(text).isEqualTo(1);
        assertThat(body.get("run_status").asText()).isEqualTo("failed");
        assertThat(body.get("instance").asText()).isEqualTo("/api/ai/progress-prediction");
        assertThat(body.get("run").asText()).isEqualTo("/api/executions/253");
        assertThat(body.get("execution_id").asLong()).isEqualTo(253);
    }

    private static int occurrences(String text, String part) {
        List<Integer> at = new ArrayList<>();
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            at.add(i);
        }
        return at.size();
    }
}
