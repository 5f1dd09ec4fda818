package com.fitnesscrm.orchestrator.health.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.health.HealthStatus;
import com.fitnesscrm.orchestrator.health.HealthTimeline;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthChartTest {

    private static final Instant FROM = Instant.parse("2026-12-01T06:00:00Z");

    @Test
    void a_day_is_a_row_per_component_with_one_shape_per_run_of_the_same_status_and_three_hourly_ticks() {
        List<HealthStatus> database = new ArrayList<>(Collections.nCopies(96, HealthStatus.HEALTHY));
        database.set(10, HealthStatus.CRITICAL);
        database.set(11, HealthStatus.CRITICAL);
        Map<String, List<HealthStatus>> components = new LinkedHashMap<>();
        components.put("database", database);
        components.put("disk", Collections.nCopies(96, null));
        HealthTimeline day = timeline(HealthTimeline.Window.DAY, components);

        String svg = HealthChart.svg(day, ZoneOffset.UTC);

        assertThat(svg).contains(">database</text>").contains(">disk</text>");
        assertThat(svg).contains("<title>database: critical, 1 Dec 08:30–1 Dec 09:00</title>");
        assertThat(svg.split("class=\"hc-healthy\"", -1)).hasSize(1 + 1 + 2); // legend, then before and after
        assertThat(svg.split("class=\"hc-tick\"", -1)).hasSize(1 + 8);
        assertThat(svg).contains(">09:00</text>");
        assertThat(HealthChart.description(day)).isEqualTo("Status of each component over the last 24 hours, by the "
                + "quarter hour (96 steps): database critical in 2, warning in 0, not checked in 0; disk critical in "
                + "0, warning in 0, not checked in 96.");
    }

    @Test
    void a_week_has_a_tick_each_midnight() {
        HealthTimeline week = timeline(HealthTimeline.Window.WEEK,
                Map.of("jvm", Collections.nCopies(168, HealthStatus.WARNING)));

        String svg = HealthChart.svg(week, ZoneOffset.UTC);

        assertThat(svg.split("class=\"hc-tick\"", -1)).hasSize(1 + 7);
        assertThat(svg).contains(">2 Dec</text>").contains("last 7 days");
    }

    @Test
    void component_names_are_escaped_so_the_image_cannot_carry_markup() {
        String svg = HealthChart.svg(timeline(HealthTimeline.Window.DAY,
                Map.of("<script>alert(1)</script>", Collections.nCopies(96, HealthStatus.HEALTHY))), ZoneOffset.UTC);

        assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    private static HealthTimeline timeline(HealthTimeline.Window window, Map<String, List<HealthStatus>> components) {
        int buckets = (int) (window.length().toSeconds() / window.bucket().toSeconds());
        return new HealthTimeline(FROM, window.bucket(), buckets, components);
    }
}
