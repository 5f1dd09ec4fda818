package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.vaadin.flow.component.Component;

/**
 * Something another feature shows in a run's detail view, under the run's header, once the run has finished (e.g.
 * the metrics feature's thumbs on its result). A Spring bean; execution knows only this interface, so a feature that
 * depends on execution can add to the view without execution depending on it.
 */
public interface RunDetailExtension {

    /** The component for this finished run, or {@code null} for none. Called once per run shown. */
    Component forFinishedRun(Run run);
}
