package com.fitnesscrm.orchestrator.metrics;

import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.metrics.internal.FeedbackStore;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import com.fitnesscrm.orchestrator.security.Requester;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Votes on runs' results: {@code POST /api/feedback} (the main backend, for its users) and the thumbs in the views
 * (the signed-in user). One vote per voter and run; a second vote replaces the first. Whoever may run agents may
 * vote.
 */
@Service
@PreAuthorize(Permissions.EXECUTE)
public class FeedbackService {

    /** The longest comment {@code ai_feedback} keeps. */
    public static final int MAX_COMMENT = 2000;
    /** The longest user id: {@code user:} and the id fit {@code ai_feedback.voter}. */
    public static final int MAX_USER_ID = 190;

    private final FeedbackStore store;
    private final CurrentRequester requester;
    private final ApplicationEventPublisher events;

    FeedbackService(FeedbackStore store, CurrentRequester requester, ApplicationEventPublisher events) {
        this.store = store;
        this.requester = requester;
        this.events = events;
    }

    /**
     * Stores a vote on run {@code runId} as the API gives it. The voter is {@code user:<userId>} when a user id is
     * given, else whoever calls (the API key's name, or the signed-in user's).
     *
     * @param agentType the run's agent: its task type (e.g. {@code workout_optimization}) or the agent's name
     * @throws NotFoundException     no run with that id
     * @throws InvalidInputException {@code agent_type} is not the run's, {@code user_id} or {@code comment} too long
     */
    public Vote vote(long runId, String agentType, Feedback feedback, String userId, String comment) {
        String user = userId == null || userId.isBlank() ? null : userId.strip();
        if (user != null && user.length() > MAX_USER_ID) {
            throw new InvalidInputException("user_id", "'user_id' is at most " + MAX_USER_ID + " characters.");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            throw new InvalidInputException("comment", "'comment' is at most " + MAX_COMMENT + " characters.");
        }
        FeedbackStore.VotedRun run = run(runId);
        if (agentType == null || !run.answersTo(agentType)) {
            throw new InvalidInputException("agent_type", "Run " + runId + " is a run of '" + run.agentName()
                    + "' (" + run.taskType() + "), not of '" + agentType + "'; give its task type or agent name.");
        }
        Requester caller = requester.get();
        String voter = user != null ? Vote.USER_PREFIX + user : caller.name();
        return store(run, voter, feedback, text, caller.isUser() ? "ui" : "api");
    }

    /** The signed-in user's vote on a run they see in a view (a second one replaces the first). */
    public Vote vote(long runId, Feedback feedback) {
        return store(run(runId), requester.name(), feedback, null, "ui");
    }

    /** The caller's own vote on a run, if they gave one: what the thumbs in the views show. */
    @PreAuthorize(Permissions.READ + " or " + Permissions.EXECUTE)
    public Optional<Feedback> myVote(long runId) {
        return store.find(runId, requester.name()).map(Vote::feedback);
    }

    private FeedbackStore.VotedRun run(long runId) {
        return store.run(runId).orElseThrow(() -> new NotFoundException("No run with id " + runId + "."));
    }

    private Vote store(FeedbackStore.VotedRun run, String voter, Feedback feedback, String comment, String source) {
        FeedbackStore.Stored stored = store.upsert(run, voter, feedback, comment, source);
        events.publishEvent(new FeedbackGiven(stored.vote(), stored.previous()));
        return stored.vote();
    }
}
