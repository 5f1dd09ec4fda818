package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The error groups seen lately, for background work that runs with no one signed in (the {@code incident_triage}
 * workflow, whose caller may only run agents): {@link ErrorGroupService} is for admins. No method security, like
 * {@code crm.CrmDirectory}: the caller was checked when its run was asked for, and this only reads.
 */
@Component
public class RecentErrorGroups {

    /** The most groups one answer lists: a night's incident, not the whole table. */
    public static final int MAX_GROUPS = 50;

    private final CodeAnalysisStore store;

    RecentErrorGroups(CodeAnalysisStore store) {
        this.store = store;
    }

    /**
     * The groups last seen at or after {@code since}, most recently seen first, at most {@code limit} (capped at
     * {@value #MAX_GROUPS}), each with its occurrences in the hours since then.
     */
    public List<Seen> since(Instant since, int limit) {
        List<Seen> seen = new ArrayList<>();
        // The store lists groups by last_seen, newest first: the ones seen since then are its first rows.
        for (StoredErrorGroup group : store.groups(0, Math.min(Math.max(limit, 1), MAX_GROUPS))) {
            if (group.lastSeen() == null || group.lastSeen().isBefore(since)) {
                break;
            }
            Map<Instant, Long> hours = store.hours(group.id(), since.truncatedTo(ChronoUnit.HOURS));
            seen.add(new Seen(group, hours.values().stream().mapToLong(Long::longValue).sum()));
        }
        return seen;
    }

    /** The groups seen in the last {@code window} before {@code now}. */
    public List<Seen> within(Duration window, Instant now, int limit) {
        return since(now.minus(window), limit);
    }

    /**
     * A group and how often it occurred lately.
     *
     * @param recentOccurrences occurrences counted in the whole hours the window touches (the store counts by hour)
     */
    public record Seen(StoredErrorGroup group, long recentOccurrences) {
    }
}
