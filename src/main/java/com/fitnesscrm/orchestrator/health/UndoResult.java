package com.fitnesscrm.orchestrator.health;

/**
 * What undoing a remediation did.
 *
 * @param reversed whether something was really reversed (a rules-only agent switched back to its LLM, a cleared
 *                 cache served again); {@code false} for a harmless kind, recorded undone with nothing to reverse
 * @param message  what was done, in a sentence
 */
public record UndoResult(Remediation remediation, boolean reversed, String message) {
}
