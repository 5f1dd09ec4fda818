package com.fitnesscrm.orchestrator.workflows.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition.NodeKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DefinitionReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FUNCTIONS = Set.of("assess", "summary");

    private static DefinitionReader.Result read(String json) throws Exception {
        JsonNode definition = JSON.readTree(json);
        return DefinitionReader.read(definition, Set.of("Progress Monitor", "Workout Optimizer")::contains, FUNCTIONS);
    }

    private static List<String> fields(String json) throws Exception {
        return read(json).problems().stream().map(DefinitionProblem::field).toList();
    }

    @Test
    void a_valid_definition_reads_into_nodes_and_edges_in_their_order() throws Exception {
        DefinitionReader.Result result = read("""
                {"start": "progress", "budget_usd": 0.5,
                 "nodes": [{"id": "progress", "kind": "agent", "agent": "Progress Monitor",
                            "input": {"client_id": "$input.client_id"}},
                           {"id": "assess", "kind": "function", "function": "assess",
                            "input": {"report": "$nodes.progress.output"}},
                           {"id": "ok", "kind": "approval", "role": "trainer",
                            "when": {"path": "$nodes.assess.output.adjust", "equals": true}}],
                 "edges": [{"from": "progress", "to": "assess"},
                           {"from": "assess", "to": "ok", "when": {"path": "$nodes.assess.output.x", "gt": 1}},
                           {"from": "assess", "to": "end"}]}""");

        assertThat(result.problems()).isEmpty();
        assertThat(result.definition().nodes()).extracting(node -> node.kind())
                .containsExactly(NodeKind.AGENT, NodeKind.FUNCTION, NodeKind.APPROVAL);
        assertThat(result.definition().edgesFrom("assess")).hasSize(2);
        assertThat(result.definition().budgetUsd()).isEqualByComparingTo("0.5");
    }

    @Test
    void an_unknown_agent_or_function_is_named_at_its_node() throws Exception {
        assertThat(fields("""
                {"start": "a", "nodes": [{"id": "a", "kind": "agent", "agent": "Nutrition Planner"},
                                         {"id": "b", "kind": "function", "function": "guess"}],
                 "edges": [{"from": "a", "to": "b"}]}"""))
                .containsExactly("definition.nodes[0].agent", "definition.nodes[1].function");
    }

    @Test
    void an_unreachable_node_is_named() throws Exception {
        assertThat(read("""
                {"start": "a", "nodes": [{"id": "a", "kind": "function", "function": "assess"},
                                         {"id": "lost", "kind": "function", "function": "summary"}],
                 "edges": []}""").problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.field()).isEqualTo("definition.nodes[1]");
                    assertThat(problem.message()).contains("'lost' cannot be reached");
                });
    }

    @Test
    void a_cycle_needs_a_limit_and_passes_with_one() throws Exception {
        String cycle = """
                {"start": "a", "nodes": [{"id": "a", "kind": "function", "function": "assess"%s},
                                         {"id": "b", "kind": "function", "function": "summary"}],
                 "edges": [{"from": "a", "to": "b"}, {"from": "b", "to": "a", "when": {"path": "$input.x",
                            "exists": true}}, {"from": "b", "to": "end"}]}""";
        assertThat(read(cycle.formatted("")).problems()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("definition.nodes[0].max_visits");
            assertThat(problem.message()).contains("a → b → a");
        });
        assertThat(read(cycle.formatted(", \"max_visits\": 3")).problems()).isEmpty();
    }

    @Test
    void edges_expressions_and_fields_that_name_nothing_are_each_named() throws Exception {
        assertThat(fields("""
                {"start": "nope", "colour": "red",
                 "nodes": [{"id": "a", "kind": "function", "function": "assess", "input": {"x": "$nodes.ghost.output"}},
                           {"id": "a", "kind": "robot"}],
                 "edges": [{"from": "a", "to": "nowhere"}, {"from": "a", "to": "end", "when": {"path": "x"}}]}"""))
                .contains("definition.colour", "definition.start", "definition.nodes[1].id",
                        "definition.nodes[1].kind", "definition.edges[0].to", "definition.edges[1].when.path",
                        "definition.nodes[0].input");
    }

    @Test
    void an_edge_after_its_nodes_default_edge_could_never_be_taken() throws Exception {
        assertThat(fields("""
                {"start": "a", "nodes": [{"id": "a", "kind": "function", "function": "assess"},
                                         {"id": "b", "kind": "function", "function": "summary"}],
                 "edges": [{"from": "a", "to": "end"},
                           {"from": "a", "to": "b", "when": {"path": "$input.x", "equals": 1}}]}"""))
                .containsExactly("definition.edges[1]");
    }

    @Test
    void ids_roles_visits_and_budgets_are_checked() throws Exception {
        assertThat(fields("""
                {"start": "Start", "budget_usd": -1,
                 "nodes": [{"id": "Start", "kind": "approval", "role": "manager", "label": "%s"},
                           {"id": "end", "kind": "function", "function": "assess", "max_visits": 0}],
                 "edges": []}""".formatted("x".repeat(201))))
                .contains("definition.budget_usd", "definition.nodes[0].id", "definition.nodes[0].role",
                        "definition.nodes[0].label",
                        "definition.nodes[1].id", "definition.nodes[1].max_visits");
    }

    @Test
    void something_that_is_not_an_object_is_one_problem_at_the_root() throws Exception {
        assertThat(fields("[1, 2]")).containsExactly("definition");
    }
}
