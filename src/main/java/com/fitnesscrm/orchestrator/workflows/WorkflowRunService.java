package com.fitnesscrm.orchestrator.workflows;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.JsonLimits;
import com.fitnesscrm.orchestrator.execution.ChildRuns;
import com.fitnesscrm.orchestrator.execution.Run;
import com.fitnesscrm.orchestrator.execution.RunStatus;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.security.Requester;
import com.fitnesscrm.orchestrator.workflows.internal.WorkflowStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Operates workflow runs: the decision a waiting run waits for, and resuming a failed or timed-out run from the node
 * that failed. Running a workflow is {@code RunService.run}, as for any agent.
 *
 * <p>Who may decide: an approval names a role. Admins (and admin keys) may decide any; a trainer (a signed-in user
 * without admin, or a key with the execute scope acting for one) may decide a trainer's approval.
 */
@Service
@PreAuthorize(Permissions.READ)
public class WorkflowRunService {

    private static final int MAX_NOTE = 2000;
    /** A caller allowed to approve may read what it approved, as a caller allowed to run may read its run. */
    private static final String READ_OR_EXECUTE = Permissions.READ + " or " + Permissions.EXECUTE;

    private final ChildRuns childRuns;
    private final WorkflowStore store;
    private final CurrentRequester requester;
    private final Clock clock;

    WorkflowRunService(ChildRuns childRuns, WorkflowStore store, CurrentRequester requester,
                       Clock clock) {
        this.childRuns = childRuns;
        this.store = store;
        this.requester = requester;
        this.clock = clock;
    }

    /** What the run waits for, if it is waiting. */
    @PreAuthorize(READ_OR_EXECUTE)
    public Optional<PendingApproval> pendingApproval(long runId) {
        return childRuns.get(runId).status() == RunStatus.WAITING ? store.pending(runId) : Optional.empty();
    }

    /** The run's status now. @throws com.fitnesscrm.orchestrator.base.NotFoundException no such run */
    @PreAuthorize(READ_OR_EXECUTE)
    public RunStatus status(long runId) {
        return childRuns.get(runId).status();
    }

    /** The waiting runs the current user may decide on, oldest first (at most 100). */
    public List<PendingApproval> awaitingMe() {
        return store.pending(requester.get().admin() ? List.of("admin", "trainer") : List.of("trainer"), 100);
    }

    /**
     * Approves what the run waits for; the run goes on (queued, then running) from the approval node.
     *
     * @throws ConflictException     the run is not waiting
     * @throws AccessDeniedException the caller's role may not decide it
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run approve(long runId, String note) {
        return decide(runId, "approved", note);
    }

    /** Rejects it; the run goes on with the rejection (e.g. the plan is not saved) and the note. */
    @PreAuthorize(Permissions.EXECUTE)
    public Run reject(long runId, String note) {
        return decide(runId, "rejected", note);
    }

    private Run decide(long runId, String decision, String note) {
        if (note != null) {
            JsonLimits.text(note, "note", "text");
            if (note.length() > MAX_NOTE) {
                throw new InvalidInputException("note", "A note may be at most " + MAX_NOTE + " characters; this "
                        + "one has " + note.length() + ".");
            }
        }
        Run run = childRuns.get(runId);
        PendingApproval pending = run.status() == RunStatus.WAITING ? store.pending(runId).orElse(null) : null;
        if (pending == null) {
            throw new ConflictException("status", "Run " + runId + " is " + run.status().code()
                    + ", not waiting for an approval.");
        }
        Requester who = requester.get();
        if (!who.admin() && !pending.role().equals("trainer")) {
            throw new AccessDeniedException("Only an admin may decide '" + pending.title() + "'.");
        }
        Instant now = clock.instant();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (!store.decide(runId, pending.nodeId(), decision, who.name(), cleanNote, now)) {
            throw new ConflictException("status", "'" + pending.title() + "' of run " + runId + " was decided "
                    + "a moment ago by someone else.");
        }
        if (!childRuns.reopen(runId, Set.of(RunStatus.WAITING))) {
            // Cancelled meanwhile: the decision goes with it rather than stand for a run that will not go on.
            store.undecide(runId, pending.nodeId());
            throw new ConflictException("status", "Run " + runId + " stopped waiting a moment ago ("
                    + childRuns.get(runId).status().code() + ").");
        }
        return childRuns.get(runId);
    }

    /**
     * Runs a failed or timed-out workflow run again from the node that failed, with the state checkpointed before it;
     * the nodes that had succeeded are not run again. The same run goes back to queued.
     *
     * @throws ConflictException it is not a failed or timed-out workflow run
     */
    @PreAuthorize(Permissions.EXECUTE)
    public Run resume(long runId) {
        Run run = childRuns.get(runId);
        Requester who = requester.get();
        if (!who.admin() && !who.name().equals(run.requestedBy())) {
            throw new AccessDeniedException("Only an admin or whoever asked for run " + runId + " may resume it.");
        }
        if (!WorkflowService.TYPE.equals(run.taskType())) {
            throw new ConflictException("status", "Run " + runId + " is not a workflow's run; replay it instead.");
        }
        if (run.status() != RunStatus.FAILED && run.status() != RunStatus.TIMED_OUT) {
            throw new ConflictException("status", "Run " + runId + " is " + run.status().code() + "; only a failed "
                    + "or timed-out workflow run can be resumed.");
        }
        if (!childRuns.reopen(runId, Set.of(RunStatus.FAILED, RunStatus.TIMED_OUT))) {
            throw new ConflictException("status", "Run " + runId + " was resumed a moment ago by someone else.");
        }
        return childRuns.get(runId);
    }

    /** The nodes the run passed, in order, with each agent node's child run: the run's timeline. */
    @PreAuthorize(READ_OR_EXECUTE)
    public List<NodeRecord> nodes(long runId) {
        Run run = childRuns.get(runId);
        List<NodeRecord> nodes = store.nodes(runId);
        if (run.status() == RunStatus.RUNNING || run.status() == RunStatus.QUEUED) {
            return nodes;
        }
        // A node left "running" by a run that stopped (timed out, cancelled, its node died) did not finish.
        return nodes.stream().map(node -> node.status().equals("running") ? new NodeRecord(node.nodeId(),
                node.title(), node.kind(), "stopped", node.childRunId(), "stopped: the run " + run.status().code(),
                node.startedAt(), run.completedAt()) : node).toList();
    }

    /**
     * One node of a workflow run, as its timeline shows it.
     *
     * @param childRunId the agent node's child run; {@code null} for functions and approvals
     * @param status     {@code running}, {@code succeeded}, {@code failed}, {@code waiting}, {@code approved},
     *                   {@code rejected}, {@code skipped} or {@code stopped}
     * @param summary    a line about what it did (an approval's decision and note, a function's result)
     */
    public record NodeRecord(String nodeId, String title, WorkflowDefinition.NodeKind kind, String status,
                             Long childRunId, String summary, Instant startedAt, Instant completedAt) {
    }
}
