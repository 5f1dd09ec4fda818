package com.fitnesscrm.orchestrator.metrics.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailExtension;
import com.fitnesscrm.orchestrator.metrics.FeedbackService;
import org.springframework.stereotype.Component;

/** The thumbs on a succeeded run's result in the run detail view (execution's extension point). */
@Component
class RunDetailFeedback implements RunDetailExtension {

    private final FeedbackService feedback;

    RunDetailFeedback(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @Override
    public com.vaadin.flow.component.Component forFinishedRun(Run run) {
        return run.status() == RunStatus.SUCCEEDED ? new FeedbackButtons(feedback, run.id()) : null;
    }
}
