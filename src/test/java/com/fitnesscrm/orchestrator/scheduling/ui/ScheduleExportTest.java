package com.fitnesscrm.orchestrator.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleExportTest {

    private static final Slot SLOT = new Slot(OffsetDateTime.parse("2026-12-08T07:00+01:00"),
            OffsetDateTime.parse("2026-12-08T08:00+01:00"), 7L, 0.86, 0.61, 1,
            "Tue 8 Dec, 07:00–08:00 — a morning you almost always keep",
            List.of("Kept 9 of 10 Tuesday mornings; the gym's rate is 85 %, smoothed.", "Right after a session, no gap."),
            null);

    @Test
    void an_event_has_utc_times_a_stable_uid_escaped_text_and_lines_folded_at_75_octets() {
        String ics = ScheduleExport.ics(List.of(SLOT), "Training: Tom; Client, with \\ Maria",
                Instant.parse("2026-12-02T06:00:00Z"));

        assertThat(ics).contains("\r\nDTSTART:20261208T060000Z\r\n", "\r\nDTEND:20261208T070000Z\r\n",
                "\r\nDTSTAMP:20261202T060000Z\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:Training: Tom\\; Client\\, with \\\\ Maria (client 7)\r\n");
        assertThat(unfolded).contains("DESCRIPTION:Tue 8 Dec\\, 07:00–08:00 — a morning you almost always keep\\n"
                + "Kept 9 of 10 Tuesday mornings\\; the gym's rate is 85 %\\, smoothed.\\n");
        assertThat(uid(ics)).isEqualTo(uid(ScheduleExport.ics(List.of(SLOT), "other", Instant.now())));
        // A fold never splits a character: every line is valid UTF-8 on its own.
        assertThat(ics.split("\r\n")).allSatisfy(line -> assertThat(new String(line.getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8)).isEqualTo(line));
    }

    @Test
    void csv_has_a_row_per_slot_with_its_times_probability_and_reasons() {
        List<String> rows = ScheduleExport.csv(List.of(SLOT)).lines().toList();

        assertThat(rows).containsExactly(
                "start,end,client_id,show_probability,score,priority,suggestion,reasons,moved_from",
                "2026-12-08T07:00+01:00,2026-12-08T08:00+01:00,7,0.86,0.61,1,"
                        + "\"Tue 8 Dec, 07:00–08:00 — a morning you almost always keep\","
                        + "\"Kept 9 of 10 Tuesday mornings; the gym's rate is 85 %, smoothed.; Right after a session, "
                        + "no gap.\",");
    }

    private static String uid(String ics) {
        return ics.lines().filter(line -> line.startsWith("UID:")).findFirst().orElseThrow();
    }
}
