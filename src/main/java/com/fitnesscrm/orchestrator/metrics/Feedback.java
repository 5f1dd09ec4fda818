package com.fitnesscrm.orchestrator.metrics;

import com.fitnesscrm.orchestrator.base.Coded;

/** What a person says about a run's result, as {@code ai_feedback.feedback} and {@code POST /api/feedback} spell it. */
public enum Feedback implements Coded {
    /** Thumbs up. */
    HELPFUL,
    /** Thumbs down. */
    NOT_HELPFUL,
    /** Wrong, not only unhelpful (API only; the views' thumbs say helpful or not helpful). */
    INCORRECT
}
