package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One proposed slot. {@code start}/{@code end} are ISO date-times with the trainer's offset; {@code score} and
 * {@code showProbability} are in [0, 1]; {@code priority} 1 is the best. Only {@code suggestion} and {@code reasons}
 * are words the LLM layer may rewrite.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Suggestion(String start, String end, double score, double showProbability, int priority,
                         String suggestion, List<String> reasons) {

    public Suggestion {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    public Suggestion withWords(String newSuggestion, List<String> newReasons) {
        return new Suggestion(start, end, score, showProbability, priority, newSuggestion, newReasons);
    }
}
