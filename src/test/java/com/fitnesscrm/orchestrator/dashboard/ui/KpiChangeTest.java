package com.fitnesscrm.orchestrator.dashboard.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.dashboard.ui.KpiChange.Better;
import com.fitnesscrm.orchestrator.dashboard.ui.KpiChange.Verdict;
import org.junit.jupiter.api.Test;

/** A key figure's change reads as points for rates, per cent for amounts, and is coloured by what is better. */
class KpiChangeTest {

    @Test
    void a_rate_changes_in_points_and_up_is_good_for_success() {
        assertThat(KpiChange.ofRate(0.90, 0.86, Better.UP)).isEqualTo(new KpiChange("▲ 4 pts", Verdict.GOOD));
        assertThat(KpiChange.ofRate(0.80, 0.90, Better.UP)).isEqualTo(new KpiChange("▼ 10 pts", Verdict.BAD));
    }

    @Test
    void an_amount_changes_in_per_cent_and_down_is_good_for_time_and_cost() {
        assertThat(KpiChange.ofAmount(2.64, 3.0, Better.DOWN)).isEqualTo(new KpiChange("▼ 12 %", Verdict.GOOD));
        assertThat(KpiChange.ofAmount(1.2, 1.0, Better.DOWN)).isEqualTo(new KpiChange("▲ 20 %", Verdict.BAD));
    }

    @Test
    void nothing_to_compare_with_shows_no_arrow() {
        assertThat(KpiChange.ofAmount(5.0, 0.0, Better.UP).text()).isEqualTo("new");
        assertThat(KpiChange.ofRate(0.5, null, Better.UP)).isEqualTo(KpiChange.NONE);
        assertThat(KpiChange.ofRate(0.75, 0.70, Better.EITHER).verdict()).isEqualTo(Verdict.NEUTRAL);
    }
}
