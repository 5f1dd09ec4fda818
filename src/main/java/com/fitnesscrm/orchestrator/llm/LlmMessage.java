package com.fitnesscrm.orchestrator.llm;

/** One turn of a conversation with the model, after the system prompt. */
public record LlmMessage(Role role, String text) {

    public enum Role { USER, ASSISTANT }

    public static LlmMessage user(String text) {
        return new LlmMessage(Role.USER, text);
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage(Role.ASSISTANT, text);
    }
}
