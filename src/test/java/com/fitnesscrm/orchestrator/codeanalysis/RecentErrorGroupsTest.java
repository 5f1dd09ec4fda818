package com.fitnesscrm.orchestrator.codeanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fitnesscrm.orchestrator.codeanalysis.internal.CodeAnalysisStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The groups seen in a recent window, with their occurrences in it. */
class RecentErrorGroupsTest {

    private static final Instant NOW = Instant.parse("2026-12-02T03:20:00Z");

    private final CodeAnalysisStore store = mock(CodeAnalysisStore.class);
    private final RecentErrorGroups recent = new RecentErrorGroups(store);

    private static StoredErrorGroup group(long id, Instant lastSeen) {
        return new StoredErrorGroup(id, "fp" + id, "KeyError: 'x'", "KeyError", List.of(), 10, lastSeen, lastSeen,
                "cause", "fix", "trace", null);
    }

    @Test
    void only_groups_seen_within_the_window_are_listed_with_the_hours_it_touches() {
        when(store.groups(eq(0), anyInt())).thenReturn(List.of(group(1, NOW.minusSeconds(60)),
                group(2, NOW.minusSeconds(50 * 60)), group(3, NOW.minusSeconds(3 * 3600))));
        Instant fromHour = Instant.parse("2026-12-02T02:00:00Z");
        when(store.hours(1, fromHour)).thenReturn(Map.of(fromHour, 2L, fromHour.plusSeconds(3600), 5L));
        when(store.hours(2, fromHour)).thenReturn(Map.of(fromHour, 1L));

        List<RecentErrorGroups.Seen> seen = recent.within(Duration.ofHours(1), NOW, 20);

        assertThat(seen).extracting(item -> item.group().id()).containsExactly(1L, 2L);
        assertThat(seen).extracting(RecentErrorGroups.Seen::recentOccurrences).containsExactly(7L, 1L);
    }
}
