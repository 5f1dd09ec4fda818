package com.fitnesscrm.orchestrator.agents;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The agent programs installed in this build, by task type. */
@Component
public class AgentPrograms {

    private final Map<String, AgentProgram<?, ?>> byType = new LinkedHashMap<>();

    AgentPrograms(List<AgentProgram<?, ?>> programs) {
        for (AgentProgram<?, ?> program : programs) {
            AgentProgram<?, ?> previous = byType.put(program.type().code(), program);
            if (previous != null) {
                throw new IllegalStateException("Two programs for task type '" + program.type().code() + "': "
                        + previous.getClass().getName() + " and " + program.getClass().getName());
            }
        }
    }

    public Optional<AgentProgram<?, ?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public Collection<AgentProgram<?, ?>> all() {
        return byType.values();
    }

    /**
     * Each installed type's example input ({@link AgentExamples}) with its dates moved to {@code today}'s week, in
     * the programs' order; a type without an example is left out. Fresh copies, free to edit.
     */
    public Map<AgentType, ObjectNode> examples(LocalDate today) {
        Map<AgentType, ObjectNode> examples = new LinkedHashMap<>();
        byType.values().forEach(program -> AgentExamples.input(program.type().code(), today)
                .ifPresent(input -> examples.put(program.type(), input)));
        return examples;
    }

    /** The original five types plus any type an installed program brings, in that order. */
    public List<AgentType> knownTypes() {
        Map<String, AgentType> types = new LinkedHashMap<>();
        AgentType.ORIGINAL.forEach(type -> types.put(type.code(), type));
        byType.values().forEach(program -> types.putIfAbsent(program.type().code(), program.type()));
        return List.copyOf(types.values());
    }

    public Optional<AgentType> type(String code) {
        return knownTypes().stream().filter(type -> type.code().equals(code)).findFirst();
    }

    /** The config a new agent of this type starts from. */
    public AgentConfig defaultConfig(String type) {
        return forType(type).map(AgentProgram::defaultConfig).orElseGet(() -> AgentConfig.defaults(
                "You are the FitnessCRM " + type(type).map(AgentType::displayName).orElse(type)
                        + ". Answer with JSON only, in the shape you are given."));
    }
}
