package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * Where a run comes from: the workflow run it is a step of, and the run it replays with a link to comparing the two
 * (what an admin replaying with a new prompt or model wants to see next). Hidden for a run that is neither.
 */
class RunLineage extends HorizontalLayout {

    RunLineage() {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setVisible(false);
    }

    void show(Run run) {
        removeAll();
        Long parent = run.summary().parentId();
        Long replayOf = run.summary().replayOf();
        if (parent != null) {
            add(RunDetailView.link(parent, "Step of workflow run #" + parent));
        }
        if (replayOf != null) {
            add(RunDetailView.link(replayOf, "Replay of run #" + replayOf),
                    RunCompareView.link(replayOf, run.id(), "Compare with run #" + replayOf));
        }
        setVisible(parent != null || replayOf != null);
    }
}
