package com.fitnesscrm.orchestrator.crm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.base.StartupConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Start-up checks of the CRM settings, and what a partial CRM schema degrades. */
class CrmConfigurationTest {

    @Test
    void an_unknown_time_zone_stops_the_start_with_one_line_naming_the_variable() {
        assertThat(CrmConfiguration.zone("Europe/Berlin")).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(CrmConfiguration.zone("")).isEqualTo(ZoneId.of("UTC"));
        assertThatThrownBy(() -> CrmConfiguration.zone("Mars/Olympus"))
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessage("CRM_TIME_ZONE is not a time zone: 'Mars/Olympus'.")
                .satisfies(e -> assertThat(((StartupConfigurationException) e).action()).contains("Europe/Berlin"));
    }

    @Test
    void a_malformed_crm_url_names_crm_database_url_and_never_shows_the_password() {
        CrmProperties properties = new CrmProperties(true, "mysql://user:secret@db/crm", "UTC", Duration.ofMinutes(5),
                5, 5000, Duration.ofSeconds(10), 3);
        assertThatThrownBy(() -> new CrmConfiguration().crmDatabase(properties, null))
                .isInstanceOf(StartupConfigurationException.class)
                .hasMessageStartingWith("CRM_DATABASE_URL is malformed").hasMessageNotContaining("secret");
        assertThat(CrmConfiguration.describe("jdbc:postgresql://db.internal:5433/fitnesscrm?sslmode=require"))
                .isEqualTo("db.internal:5433/fitnesscrm");
    }

    @Test
    void a_missing_optional_column_and_a_missing_table_each_degrade_their_feature_in_one_sentence() {
        Map<CrmTable, Set<String>> columns = new EnumMap<>(CrmTable.class);
        for (CrmTable table : CrmTable.values()) {
            Set<String> all = new LinkedHashSet<>(table.required());
            all.addAll(table.optional());
            columns.put(table, all);
        }
        columns.get(CrmTable.MEASUREMENTS).remove("weight_unit");
        columns.remove(CrmTable.RECURRING_SESSIONS);
        columns.get(CrmTable.SESSIONS).remove("session_date");
        CrmSchema schema = new CrmSchema(columns);

        assertThat(schema.degraded()).containsExactly(
                "sessions lacks session_date: attendance from booked sessions unavailable.",
                "No recurring_sessions table: standing bookings unavailable.",
                "measurements.weight_unit is missing: weights are taken as kg.");
        assertThat(schema.usable(CrmTable.SESSIONS)).isFalse();
        assertThat(schema.usable(CrmTable.MEASUREMENTS)).isTrue();
        assertThat(schema.select(CrmTable.MEASUREMENTS, "m")).contains("NULL AS weight_unit")
                .contains("m.\"weight\" AS weight");
        assertThat(schema.missingColumns()).containsEntry("measurements", List.of("weight_unit"));
        assertThat(CrmSchema.NONE.degraded()).as("no CRM at all degrades nothing").isEmpty();
    }
}
