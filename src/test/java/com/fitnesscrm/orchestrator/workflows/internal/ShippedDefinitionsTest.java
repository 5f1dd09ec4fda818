package com.fitnesscrm.orchestrator.workflows.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.agents.AgentType;
import com.fitnesscrm.orchestrator.workflows.WorkflowFunction;
import com.fitnesscrm.orchestrator.workflows.engine.DefinitionReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The shipped definitions call only what is installed: functions among this package's beans, agents by the names
 * their default agents get, and expressions over nodes of the same file. The engine's validator checks more when a
 * definition is saved; this catches a renamed function or node before then.
 */
class ShippedDefinitionsTest {

    private static final Pattern NODE_REFERENCE = Pattern.compile("^\\$nodes\\.([A-Za-z0-9_]+)(\\.|$)");

    @ParameterizedTest
    @ValueSource(strings = {"client_check_in", "incident_triage"})
    void every_function_agent_and_node_a_definition_names_exists(String workflow) throws Exception {
        JsonNode definition = read(workflow);

        assertThat(definition.path("description").asText()).isNotBlank();
        assertThat(problems(definition, installedFunctions())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_check_in", "incident_triage"})
    void the_engines_reader_accepts_each_shipped_definition(String workflow) throws Exception {
        Set<String> agents = new HashSet<>(AgentType.ORIGINAL.stream().map(AgentType::displayName).toList());

        DefinitionReader.Result result = DefinitionReader.read(read(workflow), agents::contains, installedFunctions());

        assertThat(result.problems()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void a_renamed_node_an_unknown_function_or_agent_is_caught() throws Exception {
        ObjectNode definition = (ObjectNode) read("client_check_in");
        ((ObjectNode) definition.path("nodes").path(1)).put("function", "assess_progress_v2");
        ((ObjectNode) definition.path("nodes").path(3)).put("agent", "Workout Planner");
        ((ObjectNode) definition.path("nodes").path(1).path("input")).put("report", "$nodes.progres.output");

        assertThat(problems(definition, installedFunctions())).containsExactly(
                "node assess calls no installed function: assess_progress_v2",
                "node adjust names no default agent: Workout Planner",
                "$nodes.progres.output names no node of the definition");
    }

    /** What is wrong with a definition's names, one sentence each. */
    static List<String> problems(JsonNode definition, Set<String> functions) {
        List<String> problems = new ArrayList<>();
        Set<String> agents = new HashSet<>(AgentType.ORIGINAL.stream().map(AgentType::displayName).toList());
        Set<String> nodes = new HashSet<>();
        definition.path("nodes").forEach(node -> nodes.add(node.path("id").asText()));
        if (!nodes.contains(definition.path("start").asText())) {
            problems.add("start names no node");
        }
        for (JsonNode node : definition.path("nodes")) {
            String id = node.path("id").asText();
            switch (node.path("kind").asText()) {
                case "function" -> {
                    if (!functions.contains(node.path("function").asText())) {
                        problems.add("node " + id + " calls no installed function: " + node.path("function").asText());
                    }
                }
                case "agent" -> {
                    if (!agents.contains(node.path("agent").asText())) {
                        problems.add("node " + id + " names no default agent: " + node.path("agent").asText());
                    }
                }
                case "approval" -> {
                    if (!Set.of("admin", "trainer").contains(node.path("role").asText())) {
                        problems.add("node " + id + " asks an unknown role");
                    }
                }
                default -> problems.add("node " + id + " is of no known kind");
            }
        }
        for (JsonNode edge : definition.path("edges")) {
            if (!nodes.contains(edge.path("from").asText())) {
                problems.add("an edge starts at no node: " + edge.path("from").asText());
            }
            if (!nodes.contains(edge.path("to").asText()) && !edge.path("to").asText().equals("end")) {
                problems.add("an edge leads to no node: " + edge.path("to").asText());
            }
        }
        List<String> expressions = new ArrayList<>();
        collectExpressions(definition, expressions);
        for (String expression : expressions) {
            Matcher reference = NODE_REFERENCE.matcher(expression);
            if (!expression.matches("^\\$(input|nodes)(\\..+)?$")) {
                problems.add(expression + " is no expression");
            } else if (expression.startsWith("$nodes") && (!reference.find() || !nodes.contains(reference.group(1)))) {
                problems.add(expression + " names no node of the definition");
            }
        }
        return problems;
    }

    private static JsonNode read(String workflow) throws IOException {
        try (InputStream in = ShippedDefinitionsTest.class.getResourceAsStream("/workflows/" + workflow + ".json")) {
            assertThat(in).as(workflow + ".json").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static void collectExpressions(JsonNode node, List<String> into) {
        if (node.isTextual() && node.asText().startsWith("$")) {
            into.add(node.asText());
        }
        node.elements().forEachRemaining(child -> collectExpressions(child, into));
    }

    /** Every {@link WorkflowFunction} of this package, made with mocks of what it uses, by its name. */
    static Set<String> installedFunctions() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(WorkflowFunction.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents(WorkflowFunction.class.getPackageName()
                + ".internal")) {
            Constructor<?> constructor = Class.forName(bean.getBeanClassName()).getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            Object[] arguments = new Object[constructor.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = mock(constructor.getParameterTypes()[i]);
            }
            assertThat(names.add(((WorkflowFunction) constructor.newInstance(arguments)).name()))
                    .as("function names are unique").isTrue();
        }
        return names;
    }

}
