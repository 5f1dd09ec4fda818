package com.fitnesscrm.orchestrator.workflows;

import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Operates workflow runs: the decision a waiting run waits for, and resuming a failed or timed-out run from the node
 * that failed. Running a workflow is {@code RunService.run}, as for any agent.
 */
@Service
@PreAuthorize(Permissions.READ)
public class WorkflowRunService {

    /** What the run waits for, if it is waiting. */
    public Optional<PendingApproval> pendingApproval(long runId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The waiting runs the current user may decide on, oldest first. */
    public List<PendingApproval> awaitingMe() {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Approves what the run waits for; the run goes on (queued, then running) from the approval node.
     *
     * @throws com.fitnesscrm.orchestrator.base.ConflictException the run is not waiting
     * @throws org.springframework.security.access.AccessDeniedException the caller's role may not decide it
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run approve(long runId, String note) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Rejects it; the run goes on with the rejection (e.g. the plan is not saved) and the note. */
    @PreAuthorize(Permissions.EXECUTE)
    public Run reject(long runId, String note) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Runs a failed or timed-out workflow run again from the node that failed, with the state checkpointed before it;
     * the nodes that had succeeded are not run again. The same run goes back to queued.
     *
     * @throws com.fitnesscrm.orchestrator.base.ConflictException it is not a failed or timed-out workflow run
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run resume(long runId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The node the run is at or stopped at, with each finished node's child run, in order: the run's timeline. */
    public List<NodeRecord> nodes(long runId) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * One node of a workflow run, as its timeline shows it.
     *
     * @param childRunId the agent node's child run; {@code null} for functions and approvals
     * @param status     {@code succeeded}, {@code failed}, {@code waiting}, {@code skipped}
     * @param summary    a line about what it did (an approval's decision and note, a function's result)
     */
    public record NodeRecord(String nodeId, String title, WorkflowDefinition.NodeKind kind, String status,
                             Long childRunId, String summary, java.time.Instant startedAt,
                             java.time.Instant completedAt) {
    }
}
