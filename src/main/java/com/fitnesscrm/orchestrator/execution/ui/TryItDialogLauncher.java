package com.fitnesscrm.orchestrator.execution.ui;

import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.ui.TryItDialogs;
import com.fitnesscrm.orchestrator.execution.ExecutionService;
import org.springframework.stereotype.Component;

/** Gives the agents view its "Try it" dialog without the agents feature depending on this one. */
@Component
class TryItDialogLauncher implements TryItDialogs {

    private final ExecutionService executions;

    TryItDialogLauncher(ExecutionService executions) {
        this.executions = executions;
    }

    @Override
    public void open(Agent agent) {
        new TryItDialog(executions, agent).open();
    }
}
