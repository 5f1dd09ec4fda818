package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.Coded;
import java.util.Set;

/**
 * Where a suggestion is in its review: {@code pending → accepted | rejected}, {@code accepted → applied}. A suggestion
 * that was applied and is found again goes back to {@code pending}, marked reopened.
 */
public enum SuggestionStatus implements Coded {
    PENDING, ACCEPTED, REJECTED, APPLIED;

    /** Whether a reviewer may move a suggestion from this status to {@code next}. */
    public boolean mayBecome(SuggestionStatus next) {
        return switch (this) {
            case PENDING -> Set.of(ACCEPTED, REJECTED).contains(next);
            case ACCEPTED -> next == APPLIED;
            case REJECTED, APPLIED -> false;
        };
    }
}
