package com.fitnesscrm.orchestrator.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExpressionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private final JsonNode state = json("""
            {"input": {"client_id": 7, "tags": ["a", "b"]},
             "nodes": {"assess": {"output": {"adjust": true, "score": 2.5, "kind": "deload"}, "run_id": 12}}}""");

    ExpressionsTest() throws Exception {
    }

    @Test
    void a_template_takes_values_from_the_input_and_the_nodes_and_keeps_other_text() throws Exception {
        JsonNode filled = Expressions.fill(json("""
                {"client": "$input.client_id", "second": "$input.tags[1]", "run": "$nodes.assess.run_id",
                 "all": "$nodes.assess.output", "missing": "$nodes.assess.output.nothing", "price": "$5",
                 "list": ["$input.client_id", 3]}"""), state);

        assertThat(filled.get("client").asInt()).isEqualTo(7);
        assertThat(filled.get("second").asText()).isEqualTo("b");
        assertThat(filled.get("run").asLong()).isEqualTo(12);
        assertThat(filled.get("all").get("kind").asText()).isEqualTo("deload");
        assertThat(filled.get("missing").isNull()).isTrue();
        assertThat(filled.get("price").asText()).isEqualTo("$5");
        assertThat(filled.get("list").get(0).asInt()).isEqualTo(7);
    }

    @Test
    void conditions_test_values_and_combine() throws Exception {
        assertThat(Expressions.holds(json("{\"path\": \"$nodes.assess.output.adjust\", \"equals\": true}"), state))
                .isTrue();
        assertThat(Expressions.holds(json("{\"path\": \"$nodes.assess.output.score\", \"gt\": 2}"), state)).isTrue();
        assertThat(Expressions.holds(json("{\"path\": \"$nodes.assess.output.score\", \"lte\": 2}"), state))
                .isFalse();
        assertThat(Expressions.holds(json("{\"path\": \"$input.client_id\", \"in\": [1, 7.0]}"), state)).isTrue();
        assertThat(Expressions.holds(json("{\"path\": \"$nodes.other.output\", \"exists\": false}"), state)).isTrue();
        assertThat(Expressions.holds(json("""
                {"all": [{"path": "$input.client_id", "equals": 7},
                         {"not": {"path": "$nodes.assess.output.kind", "equals": "volume"}}]}"""), state)).isTrue();
        assertThat(Expressions.holds(json("""
                {"any": [{"path": "$input.client_id", "equals": 8},
                         {"path": "$nodes.assess.output.kind", "not_equals": "deload"}]}"""), state)).isFalse();
    }
}
