package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.workflows.DefinitionProblem;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionLines.SyntaxError;
import com.fitnesscrm.orchestrator.workflows.ui.DefinitionLines.Valid;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionLinesTest {

    private static final String TEXT = """
            {
              "start": "progress",
              "nodes": [
                {"id": "progress", "kind": "agent",
                 "agent": "Progress Monitor"},
                {
                  "id": "assess",
                  "kind": "function"
                },
                {"id": "plan", "kind": "agent", "agent": "Nobody"}
              ],
              "edges": [
                {"from": "progress", "to": "assess"},
                {"from": "assess",
                 "to": "nowhere"}
              ]
            }""";

    @Test
    void finds_the_line_of_a_node_field() {
        assertThat(DefinitionLines.lineOf(TEXT, "definition.nodes[0].agent")).isEqualTo(5);
        assertThat(DefinitionLines.lineOf(TEXT, "definition.nodes[2].agent")).isEqualTo(10);
        assertThat(DefinitionLines.lineOf(TEXT, "definition.nodes[1].kind")).isEqualTo(8);
    }

    @Test
    void finds_the_line_of_an_edge_field() {
        assertThat(DefinitionLines.lineOf(TEXT, "definition.edges[1].to")).isEqualTo(15);
        assertThat(DefinitionLines.lineOf(TEXT, "definition.edges[0].from")).isEqualTo(13);
    }

    @Test
    void puts_a_missing_field_at_the_line_where_its_node_starts() {
        assertThat(DefinitionLines.lineOf(TEXT, "definition.nodes[1].function")).isEqualTo(6);
    }

    @Test
    void puts_a_field_of_the_whole_definition_at_its_member_or_the_first_line() {
        assertThat(DefinitionLines.lineOf(TEXT, "definition.start")).isEqualTo(2);
        assertThat(DefinitionLines.lineOf(TEXT, "definition.budget_usd")).isEqualTo(1);
        assertThat(DefinitionLines.lineOf(TEXT, "definition")).isEqualTo(1);
        assertThat(DefinitionLines.lineOf(TEXT, "definition.nodes[9].id")).isEqualTo(3);
    }

    @Test
    void reports_the_line_and_column_of_a_syntax_error() {
        DefinitionLines.Parsed parsed = DefinitionLines.parse("{\n  \"start\": \"a\",\n  \"nodes\": [}\n}");

        assertThat(parsed).isInstanceOf(SyntaxError.class);
        SyntaxError error = (SyntaxError) parsed;
        assertThat(error.line()).isEqualTo(3);
        assertThat(error.column()).isEqualTo(13);
        assertThat(error.text()).startsWith("Line 3, column 13: Unexpected close marker '}'");
    }

    @Test
    void refuses_text_after_the_definition_and_an_empty_text() {
        assertThat(DefinitionLines.parse("{} }")).isInstanceOf(SyntaxError.class);
        assertThat(DefinitionLines.parse("  ")).isInstanceOf(SyntaxError.class);
        assertThat(DefinitionLines.parse(TEXT)).isInstanceOf(Valid.class);
    }

    @Test
    void lists_the_problems_at_their_lines_in_the_order_of_the_text() {
        assertThat(DefinitionLines.messages(TEXT, List.of(
                new DefinitionProblem("definition.edges[1].to", "The edge goes to 'nowhere', which is no node."),
                new DefinitionProblem("definition.nodes[2].agent", "No agent 'Nobody'."))))
                .containsExactly("Line 10: No agent 'Nobody'.",
                        "Line 15: The edge goes to 'nowhere', which is no node.");
    }
}
