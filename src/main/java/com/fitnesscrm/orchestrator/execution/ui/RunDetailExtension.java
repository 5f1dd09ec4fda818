package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.vaadin.flow.component.Component;

/**
 * Something another feature shows in a run's detail view, under the run's header (e.g. the metrics feature's thumbs
 * on a finished run's result, the workflows feature's timeline of a workflow run's nodes). A Spring bean; execution
 * knows only this interface, so a feature that depends on execution can add to the view without execution depending
 * on it.
 */
public interface RunDetailExtension {

    /** The component for this finished run, or {@code null} for none. Called once per run shown. */
    Component forFinishedRun(Run run);

    /**
     * The component for this run whatever its status, or {@code null} for none. Called when a run is shown, again
     * whenever its status changes, and on every refresh while it is queued or running (so progress shows); not while
     * it waits, so what a user types into the component is kept. To show the run afresh after changing it, call
     * {@link RunDetailView#navigate(long)}.
     */
    default Component forRun(Run run) {
        return null;
    }
}
