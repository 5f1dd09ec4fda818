package com.fitnesscrm.orchestrator.metrics.ui;

import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import com.vaadin.flow.component.html.Div;

/**
 * Where a view shows the thumbs for the result it shows now: empty until {@link #show(long)}, then the
 * {@link FeedbackButtons} of that run (a new result brings new thumbs showing the user's vote on it).
 */
public class FeedbackSlot extends Div {

    private final transient FeedbackService feedback;
    private FeedbackButtons buttons;

    public FeedbackSlot(FeedbackService feedback) {
        this.feedback = feedback;
        addClassName("feedback-slot");
    }

    /** The thumbs for run {@code runId}, in place of any earlier ones. */
    public void show(long runId) {
        clear();
        buttons = new FeedbackButtons(feedback, runId);
        add(buttons);
    }

    public void clear() {
        removeAll();
        buttons = null;
    }

    /** The thumbs shown, {@code null} when none are. */
    public FeedbackButtons buttons() {
        return buttons;
    }
}
