package com.fitnesscrm.orchestrator.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fitnesscrm.orchestrator.crm.CrmHistory.Reading;
import com.fitnesscrm.orchestrator.crm.CrmMetric;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class HistoryRowsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 4);

    @Test
    void a_row_in_pounds_and_inches_gives_kilograms_and_centimetres_with_left_and_right_averaged() {
        var row = new HistoryRows.Measurement(DAY, 180.0, "lbs", 24.5, 70.0, 40.0, 34.0, null, 22.0, 23.0, 13.0,
                null, 0.0, null, "inches", 61.0);

        assertThat(HistoryRows.readings(row)).extracting(Reading::metric, Reading::value, Reading::recordedUnit)
                .containsExactly(tuple(CrmMetric.WEIGHT_KG, 81.647, "lbs"), tuple(CrmMetric.BODY_FAT_PCT, 24.5, "%"),
                        tuple(CrmMetric.MUSCLE_MASS_KG, 31.751, "lbs"), tuple(CrmMetric.CHEST_CM, 101.6, "inches"),
                        tuple(CrmMetric.WAIST_CM, 86.36, "inches"), tuple(CrmMetric.THIGH_CM, 57.15, "inches"),
                        tuple(CrmMetric.ARM_CM, 33.02, "inches"), tuple(CrmMetric.RESTING_HR, 61.0, "bpm"));
    }

    @Test
    void no_unit_means_kilograms_and_centimetres_and_empty_or_impossible_values_are_skipped() {
        var row = new HistoryRows.Measurement(DAY, 80.0, null, 100.0, -1.0, null, 90.0, null, null, null, null,
                null, null, null, "", null);

        assertThat(HistoryRows.readings(row)).extracting(Reading::metric, Reading::value)
                .containsExactly(tuple(CrmMetric.WEIGHT_KG, 80.0), tuple(CrmMetric.WAIST_CM, 90.0));
        assertThat(HistoryRows.progressRecord(DAY, 0.0, 21.0)).extracting(Reading::metric)
                .containsExactly(CrmMetric.BODY_FAT_PCT);
    }
}
