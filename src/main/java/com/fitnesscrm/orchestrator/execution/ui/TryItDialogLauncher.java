package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.ui.TryItDialogs;
import com.fitnesscrm.orchestrator.base.ui.BackgroundWork;
import com.fitnesscrm.orchestrator.execution.RunService;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** Gives the agents view its "Try it" dialog without the agents feature depending on this one. */
@Component
class TryItDialogLauncher implements TryItDialogs {

    private final RunService runs;
    private final BackgroundWork background;
    private final Clock clock;

    TryItDialogLauncher(RunService runs, BackgroundWork background, Clock clock) {
        this.runs = runs;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public void open(Agent agent) {
        new TryItDialog(runs, background, agent, LocalDate.now(clock)).open();
    }
}
