package com.fitnesscrm.orchestrator.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CrmUnitsTest {

    @Test
    void pounds_become_kilograms_and_inches_centimetres_whatever_the_spelling() {
        assertThat(CrmUnits.weightKg(180, "lbs")).isCloseTo(81.647, within(0.001));
        assertThat(CrmUnits.weightKg(180, " LB ")).isCloseTo(81.647, within(0.001));
        assertThat(CrmUnits.weightKg(180, "pounds")).isCloseTo(81.647, within(0.001));
        assertThat(CrmUnits.lengthCm(34, "inches")).isCloseTo(86.36, within(0.001));
        assertThat(CrmUnits.lengthCm(34, "in.")).isCloseTo(86.36, within(0.001));
    }

    @Test
    void kilograms_centimetres_and_no_unit_stay_as_they_are() {
        assertThat(CrmUnits.weightKg(80, "kg")).isEqualTo(80);
        assertThat(CrmUnits.weightKg(80, null)).isEqualTo(80);
        assertThat(CrmUnits.lengthCm(90, "cm")).isEqualTo(90);
        assertThat(CrmUnits.toCanonical(18, "%")).isEqualTo(18);
        assertThat(CrmUnits.isKnown("%")).isTrue();
        assertThat(CrmUnits.isKnown("stone")).isFalse();
    }

    @Test
    void a_goal_in_pounds_has_its_target_in_kilograms_and_open_means_not_done() {
        CrmGoal goal = new CrmGoal(1, 2, "t", null, "weight_loss", 170.0, "lbs", null, null, null, null, "active",
                null);
        assertThat(goal.targetInCanonicalUnit().getAsDouble()).isCloseTo(77.11, within(0.01));
        assertThat(goal.isOpen()).isTrue();
        assertThat(new CrmGoal(1, 2, "t", null, null, null, null, null, null, null, null, "Completed", null).isOpen())
                .isFalse();
    }

    @Test
    void session_statuses_of_the_crm_are_normalised() {
        assertThat(CrmSession.Status.of("No-Show")).isEqualTo(CrmSession.Status.NO_SHOW);
        assertThat(CrmSession.Status.of("canceled")).isEqualTo(CrmSession.Status.CANCELLED);
        assertThat(CrmSession.Status.of("completed")).isEqualTo(CrmSession.Status.COMPLETED);
        assertThat(CrmSession.Status.of("Scheduled")).isEqualTo(CrmSession.Status.SCHEDULED);
        assertThat(CrmSession.Status.of("rescheduled?")).isEqualTo(CrmSession.Status.OTHER);
        assertThat(CrmSession.Status.of(null)).isEqualTo(CrmSession.Status.OTHER);
    }
}
