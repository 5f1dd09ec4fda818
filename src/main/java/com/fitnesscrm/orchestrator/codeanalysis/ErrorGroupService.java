package com.fitnesscrm.orchestrator.codeanalysis;

import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore;
import com.fitnesscrm.orchestrator.security.Permissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The error groups the main backend reported, for admins: most recently seen first, with hourly counts. */
@Service
@PreAuthorize(Permissions.ADMIN)
@Transactional(readOnly = true)
public class ErrorGroupService {

    /** How far back the sparkline reaches, in hours. */
    public static final int SPARKLINE_HOURS = 48;

    private final CodeAnalysisStore store;
    private final Clock clock;

    ErrorGroupService(CodeAnalysisStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public List<StoredErrorGroup> list(int offset, int limit) {
        return store.groups(offset, Math.min(limit, 500));
    }

    /** Occurrences per hour over the last {@value #SPARKLINE_HOURS} hours, oldest first (zeros included). */
    public long[] hourly(long groupId) {
        Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant from = to.minus(Duration.ofHours(SPARKLINE_HOURS - 1L));
        Map<Instant, Long> counts = store.hours(groupId, from);
        long[] series = new long[SPARKLINE_HOURS];
        for (int i = 0; i < SPARKLINE_HOURS; i++) {
            series[i] = counts.getOrDefault(from.plus(Duration.ofHours(i)), 0L);
        }
        return series;
    }
}
