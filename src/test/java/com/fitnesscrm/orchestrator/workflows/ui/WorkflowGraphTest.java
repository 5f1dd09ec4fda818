package com.fitnesscrm.orchestrator.workflows.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.workflows.WorkflowDefinition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class WorkflowGraphTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static WorkflowGraph graph(String json) throws Exception {
        return WorkflowGraph.of(WorkflowGraph.sketch(JSON.readTree(json.replace('\'', '"'))));
    }

    /** Parses the SVG as XML: a text that broke out of its element would fail here or show up as an element. */
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> withClass(Document svg, String css) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(css)) {
                found.add(element);
            }
        }
        return found;
    }

    private static final String CHECK_IN = """
            {'start': 'progress', 'nodes': [
              {'id': 'progress', 'kind': 'agent', 'label': 'How is the client doing', 'agent': 'Progress Monitor'},
              {'id': 'assess', 'kind': 'function', 'function': 'assess_progress'},
              {'id': 'adjust', 'kind': 'agent', 'agent': 'Workout Optimizer'},
              {'id': 'approve_plan', 'kind': 'approval', 'role': 'trainer'},
              {'id': 'summary', 'kind': 'function', 'function': 'summarise'}],
             'edges': [
              {'from': 'progress', 'to': 'assess'},
              {'from': 'assess', 'to': 'adjust', 'when': {'path': '$nodes.assess.output.adjust', 'equals': true}},
              {'from': 'assess', 'to': 'summary'},
              {'from': 'adjust', 'to': 'approve_plan'},
              {'from': 'approve_plan', 'to': 'summary'},
              {'from': 'summary', 'to': 'end'}]}""";

    @Test
    void draws_a_box_per_node_an_arrow_per_edge_and_an_end_terminal() throws Exception {
        Document svg = parse(graph(CHECK_IN).svg());

        assertThat(withClass(svg, "node")).hasSize(5);
        assertThat(withClass(svg, "edge")).hasSize(6);
        assertThat(withClass(svg, "end")).hasSize(1);
        assertThat(withClass(svg, "node-agent")).hasSize(2);
        assertThat(withClass(svg, "node-approval")).hasSize(1);
    }

    @Test
    void shows_the_title_and_for_agents_the_agent_name() throws Exception {
        String svg = graph(CHECK_IN).svg();

        assertThat(svg).contains(">How is the client doing<", ">agent: Progress Monitor<", ">assess<");
    }

    @Test
    void dashes_a_conditional_edge_and_labels_it_with_its_condition() throws Exception {
        Document svg = parse(graph(CHECK_IN).svg());

        List<Element> conditional = withClass(svg, "conditional");
        assertThat(conditional).hasSize(1);
        assertThat(conditional.get(0).getElementsByTagName("path").item(0).getAttributes()
                .getNamedItem("stroke-dasharray")).isNotNull();
        assertThat(conditional.get(0).getTextContent()).isEqualTo("adjust = true");
    }

    @Test
    void escapes_a_hostile_label_so_it_stays_text() throws Exception {
        String svg = graph("""
                {'start': 'a', 'nodes': [{'id': 'a', 'kind': 'agent', 'label': '<script>alert(1)</script>',
                  'agent': 'x\\' onload=\\'alert(2)'}], 'edges': [{'from': 'a', 'to': 'end',
                  'when': {'path': '$input.<b>', 'equals': '&'}}]}""").svg();

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Document document = parse(svg);
        assertThat(document.getElementsByTagName("script").getLength()).isZero();
        assertThat(document.getElementsByTagName("b").getLength()).isZero();
        assertThat(withClass(document, "title").get(0).getTextContent()).startsWith("<script>");
        assertThat(withClass(document, "kind").get(0).getTextContent()).isEqualTo("agent: x\" onload=\"alert(2)");
    }

    @Test
    void puts_the_join_of_a_diamond_below_its_longest_branch() throws Exception {
        WorkflowGraph graph = graph("""
                {'start': 'a', 'nodes': [{'id': 'a', 'kind': 'function'}, {'id': 'b', 'kind': 'function'},
                  {'id': 'c', 'kind': 'function'}, {'id': 'c2', 'kind': 'function'}, {'id': 'd', 'kind': 'function'}],
                 'edges': [{'from': 'a', 'to': 'b'}, {'from': 'a', 'to': 'c'}, {'from': 'c', 'to': 'c2'},
                  {'from': 'b', 'to': 'd'}, {'from': 'c2', 'to': 'd'}, {'from': 'a', 'to': 'd'}]}""");

        assertThat(graph.layer("a")).isZero();
        assertThat(graph.layer("b")).isEqualTo(1);
        assertThat(graph.layer("c")).isEqualTo(1);
        assertThat(graph.layer("c2")).isEqualTo(2);
        assertThat(graph.layer("d")).isEqualTo(3);
        assertThat(graph.layer("end")).isEqualTo(4);
    }

    @Test
    void lays_out_a_cycle_by_its_forward_edges_and_still_draws_the_edge_back() throws Exception {
        WorkflowGraph graph = graph("""
                {'start': 'a', 'nodes': [{'id': 'a', 'kind': 'function'}, {'id': 'b', 'kind': 'agent'},
                  {'id': 'c', 'kind': 'function', 'max_visits': 3}],
                 'edges': [{'from': 'a', 'to': 'b'}, {'from': 'b', 'to': 'c'},
                  {'from': 'c', 'to': 'b', 'when': {'path': '$nodes.c.output.again', 'equals': true}},
                  {'from': 'c', 'to': 'end'}]}""");

        assertThat(List.of(graph.layer("a"), graph.layer("b"), graph.layer("c"))).containsExactly(0, 1, 2);
        Document svg = parse(graph.svg());
        assertThat(withClass(svg, "back")).hasSize(1);
        assertThat(withClass(svg, "edge")).hasSize(4);
    }

    @Test
    void draws_an_edge_that_would_run_behind_the_boxes_it_skips_round_their_right() throws Exception {
        Document svg = parse(graph(CHECK_IN).svg());

        // assess → summary skips adjust and approve_plan, which sit in its column; every other edge goes straight down.
        assertThat(withClass(svg, "detour")).singleElement().satisfies(edge -> assertThat(
                ((Element) edge.getElementsByTagName("path").item(0)).getAttribute("d")).contains(" C "));
        assertThat(withClass(svg, "edge")).hasSize(6);
    }

    @Test
    void leads_a_node_without_edges_to_the_end() throws Exception {
        WorkflowGraph graph = graph("{'start': 'only', 'nodes': [{'id': 'only', 'kind': 'approval'}], 'edges': []}");

        assertThat(graph.layer("end")).isEqualTo(1);
        assertThat(withClass(parse(graph.svg()), "implicit")).hasSize(1);
        assertThat(graph.description()).isEqualTo("Workflow graph: 1 node (1 approval), 0 edges, starting at only.");
    }

    @Test
    void says_conditions_as_a_reader_would() throws Exception {
        assertThat(WorkflowGraph.label(JSON.readTree("""
                {"all": [{"path": "$nodes.progress.output.trend", "in": ["plateau", "off_track"]},
                         {"not": {"path": "$input.skip", "exists": true}}]}""")))
                .isEqualTo("trend in [\"plateau\",\"off_track\"] and not (skip exists)");
    }
}
