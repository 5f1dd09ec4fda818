package com.fitnesscrm.orchestrator.workflows;

/**
 * One thing wrong with a definition.
 *
 * @param field where, as a path into the definition: {@code definition.nodes[2].agent}, {@code definition.edges[0].to}
 * @param message a sentence for an admin
 */
public record DefinitionProblem(String field, String message) {
}
