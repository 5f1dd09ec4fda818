package com.fitnesscrm.orchestrator.workflows.ui;

import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.ui.RunDetailExtension;
import com.fitnesscrm.orchestrator.security.Roles;
import com.fitnesscrm.orchestrator.workflows.PendingApproval;
import com.fitnesscrm.orchestrator.workflows.WorkflowRunService;
import com.fitnesscrm.orchestrator.workflows.WorkflowService;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/**
 * A workflow run's part of the run detail view (execution's extension point): its nodes as a timeline with their
 * child runs, the approval a waiting run waits for, and Resume for a failed or timed-out run.
 */
@Component
public class WorkflowRunPanel implements RunDetailExtension {

    private final WorkflowRunService workflowRuns;
    private final AuthenticationContext authentication;

    WorkflowRunPanel(WorkflowRunService workflowRuns, AuthenticationContext authentication) {
        this.workflowRuns = workflowRuns;
        this.authentication = authentication;
    }

    @Override
    public com.vaadin.flow.component.Component forFinishedRun(Run run) {
        return null; // a workflow run's panel is shown whatever its status, by forRun
    }

    @Override
    public com.vaadin.flow.component.Component forRun(Run run) {
        if (!WorkflowService.TYPE.equals(run.taskType())) {
            return null;
        }
        return new WorkflowRunDetail(workflowRuns, run, this::mayDecide);
    }

    /** Admins decide any approval; a trainer one that asks for a trainer (as the service checks again). */
    boolean mayDecide(PendingApproval approval) {
        return authentication.hasRole(Roles.ADMIN)
                || "trainer".equals(approval.role()) && authentication.hasRole(Roles.TRAINER);
    }
}
