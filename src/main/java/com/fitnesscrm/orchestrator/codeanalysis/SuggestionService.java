package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore;
import com.fitnesscrm.orchestrator.security.CurrentRequester;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suggestions the Code Analyzer found, and their review: {@code pending → accepted | rejected},
 * {@code accepted → applied}; {@code resolved_at} is set when one leaves {@code pending}, with who moved it and a
 * note.
 */
@Service
@PreAuthorize(Permissions.READ)
@Transactional(readOnly = true)
public class SuggestionService {

    /** The most a page holds. */
    public static final int MAX_PER_PAGE = 100;
    static final int MAX_NOTE = 2000;

    private final CodeAnalysisStore store;
    private final CurrentRequester requester;
    private final Clock clock;

    SuggestionService(CodeAnalysisStore store, CurrentRequester requester, Clock clock) {
        this.store = store;
        this.requester = requester;
        this.clock = clock;
    }

    /** @throws InvalidInputException naming {@code page} or {@code per_page} */
    public SuggestionPage list(SuggestionFilter filter, int page, int perPage) {
        if (page < 1 || page > 1_000_000) {
            throw new InvalidInputException("page", "'page' is a whole number from 1 to 1000000.");
        }
        if (perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new InvalidInputException("per_page", "'per_page' is a whole number from 1 to " + MAX_PER_PAGE
                    + ".");
        }
        return store.page(filter, page, perPage);
    }

    /** Suggestions by offset, newest first, for a lazy grid. */
    public List<CodeSuggestion> slice(SuggestionFilter filter, int offset, int limit) {
        return store.slice(filter, offset, Math.min(limit, 500));
    }

    /** @throws NotFoundException no suggestion with that id */
    public CodeSuggestion get(long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("No suggestion with id " + id + "."));
    }

    public List<Evidence> evidence(long id) {
        return store.evidence(id);
    }

    /**
     * Moves a suggestion on in its review.
     *
     * @throws NotFoundException     no suggestion with that id
     * @throws ConflictException     the move is not allowed from its status, e.g. "pending → applied is not allowed"
     * @throws InvalidInputException a note over {@value #MAX_NOTE} characters
     */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public CodeSuggestion review(long id, SuggestionStatus next, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            throw new InvalidInputException("note", "'note' may hold at most " + MAX_NOTE + " characters.");
        }
        CodeSuggestion current = get(id);
        SuggestionStatus from = com.fitnesscrm.orchestrator.base.Coded.find(SuggestionStatus.class,
                String.valueOf(current.status())).orElse(null);
        if (from == null || !from.mayBecome(next)) {
            throw new ConflictException("status", (from == null ? current.status() : from.code()) + " → "
                    + next.code() + " is not allowed" + allowed(from) + ".");
        }
        String reviewer = requester.name();
        if (!store.transition(id, current.status(), next, reviewer, note == null || note.isBlank() ? null
                : note.strip(), clock.instant())) {
            throw new ConflictException("status", "Suggestion " + id + " was reviewed meanwhile; load it again.");
        }
        return get(id);
    }

    /** What a bulk review did: how many moved, and why the others did not. */
    public record BulkResult(int moved, List<String> refused) {
    }

    /**
     * Reviews each suggestion in turn, in one transaction; one that may not move (or is gone) is reported and the
     * others still move — a refusal writes nothing, so nothing of it needs rolling back.
     */
    @Transactional
    @PreAuthorize(Permissions.ADMIN)
    public BulkResult reviewAll(List<Long> ids, SuggestionStatus next, String note) {
        int moved = 0;
        List<String> refused = new ArrayList<>();
        for (long id : ids) {
            try {
                review(id, next, note);
                moved++;
            } catch (ConflictException | NotFoundException e) {
                refused.add("#" + id + ": " + e.getMessage());
            }
        }
        return new BulkResult(moved, refused);
    }

    private static String allowed(SuggestionStatus from) {
        if (from == null) {
            return "";
        }
        List<String> next = Arrays.stream(SuggestionStatus.values()).filter(from::mayBecome)
                .map(SuggestionStatus::code).toList();
        return next.isEmpty() ? " (" + from.code() + " is final)" : " (from " + from.code() + ": "
                + String.join(" or ", next) + ")";
    }
}
