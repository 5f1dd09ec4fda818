package com.fitnesscrm.orchestrator.agents;

/**
 * How an agent asks the LLM: the user message (from the input and the rules engine's answer, which the model may
 * improve on) and the tools it may call. The model must answer with JSON of the program's output type.
 */
public interface LlmLayer<I, O> {

    /** The question, including the JSON shape the answer must have. */
    String userMessage(I input, O rulesOutput);

    /** An object whose {@code @Tool} methods the model may call, or {@code null} for none. */
    default Object tools(I input) {
        return null;
    }
}
