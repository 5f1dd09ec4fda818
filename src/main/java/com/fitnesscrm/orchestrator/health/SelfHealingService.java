package com.fitnesscrm.orchestrator.health;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.health.internal.RemediationLog;
import com.fitnesscrm.orchestrator.health.internal.SelfHealingOverrides;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The remediation log for people (the Health view, {@code /api/health/remediations}): read it newest first, and undo
 * an entry. Undoing a reversible kind reverses it (a rules-only agent asks its LLM again, a cleared cache serves its
 * older answers again); a harmless kind is recorded undone with nothing to reverse; a timed-out run and a dry run are
 * refused. Not {@code @Transactional}: each method is one statement of the log, which commits on its own.
 */
@Service
@PreAuthorize(Permissions.ADMIN_OR_READ_KEY)
public class SelfHealingService {

    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 200;

    private final RemediationLog log;
    private final SelfHealingOverrides overrides;
    private final SelfHealingPolicy policy;
    private final Clock clock;

    SelfHealingService(RemediationLog log, SelfHealingOverrides overrides, SelfHealingPolicy policy, Clock clock) {
        this.log = log;
        this.overrides = overrides;
        this.policy = policy;
        this.clock = clock;
    }

    /** Page {@code page} (from 1) of the entries, newest first, {@code perPage} (1 to {@value #MAX_PAGE}) a page. */
    public List<Remediation> list(int page, int perPage) {
        if (page < 1 || page > 1_000_000) {
            throw new InvalidInputException("page", "'page' must be from 1 to 1000000.");
        }
        if (perPage < 1 || perPage > MAX_PAGE) {
            throw new InvalidInputException("per_page", "'per_page' must be from 1 to " + MAX_PAGE + ".");
        }
        return log.page((page - 1) * perPage, perPage);
    }

    /** {@code SELF_HEALING} as it holds now. */
    public SelfHealingMode mode() {
        return policy.mode();
    }

    /**
     * Undoes entry {@code id} on behalf of {@code by} (who asked, as the log will name them).
     *
     * @throws NotFoundException  no such entry
     * @throws ConflictException  already undone, or not undoable (a dry run, a timed-out run, a switch that ended)
     */
    @PreAuthorize(Permissions.ADMIN)
    public UndoResult undo(long id, String by) {
        if (by == null || by.isBlank()) {
            throw new InvalidInputException("by", "Say who undoes the remediation.");
        }
        Remediation entry = log.find(id).orElseThrow(() -> new NotFoundException("There is no remediation " + id
                + "."));
        refuseIfNotUndoable(entry);
        boolean reversed = entry.kind().undo() == RemediationKind.Undo.REVERSES;
        String message = switch (entry.kind()) {
            case LLM_RULES_ONLY -> "Agent " + entry.agentId() + " is switched back to its LLM: its next run asks it "
                    + "again.";
            case CACHE_CLEAR -> "Agent " + entry.agentId() + "'s answers cached before " + entry.createdAt()
                    + " are served again (each still checked against its rules first).";
            default -> "Nothing to reverse: " + entry.kind().whyNoReversal();
        };
        Remediation undone = log.markUndone(id, by.strip(), message, clock.instant())
                .orElseThrow(() -> new ConflictException(null, "Remediation " + id + " was undone meanwhile."));
        if (reversed) {
            overrides.changed();
        }
        return new UndoResult(undone, reversed, message);
    }

    private static void refuseIfNotUndoable(Remediation entry) {
        if (entry.undoneAt() != null) {
            throw new ConflictException(null, "Remediation " + entry.id() + " was already undone at "
                    + entry.undoneAt() + " by " + entry.undoneBy() + ".");
        }
        if (entry.mode() == SelfHealingMode.DRY_RUN) {
            throw new ConflictException(null, "Remediation " + entry.id() + " was a dry run: nothing was done, so "
                    + "there is nothing to undo.");
        }
        if (entry.kind().undo() == RemediationKind.Undo.REFUSED) {
            throw new ConflictException(null, "Remediation " + entry.id() + " (" + entry.kind().code() + ") cannot "
                    + "be undone. " + entry.kind().whyNoReversal());
        }
        if (entry.kind() == RemediationKind.LLM_RULES_ONLY && entry.endedAt() != null) {
            throw new ConflictException(null, "Remediation " + entry.id() + " is over: the agent was switched back "
                    + "to its LLM at " + entry.endedAt() + ".");
        }
    }
}
