package com.fitnesscrm.orchestrator.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulingInputReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    private SchedulingInput read(String body) throws Exception {
        return SchedulingInputReader.read(json.readTree(body), NOW, new SchedulingInputReader.Crm() {
            @Override
            public Optional<ZoneId> zone() {
                return Optional.of(ZoneId.of("Europe/Berlin"));
            }
        });
    }

    @Test
    void the_main_backends_call_gets_the_documented_defaults_and_the_gyms_zone() throws Exception {
        SchedulingInput input = read("""
                {"client_id": 7, "trainer_id": 3, "preferred_times": ["monday morning", "after 6pm"]}""");

        assertThat(input.clientId()).isEqualTo(7);
        assertThat(input.trainerId()).isEqualTo(3);
        assertThat(input.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(input.from()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(input.to()).isEqualTo(LocalDate.of(2026, 12, 14));
        assertThat(input.sessionMinutes()).isEqualTo(60);
        assertThat(input.count()).isEqualTo(3);
        assertThat(input.bufferMinutes()).isZero();
        assertThat(input.maxSessionsPerDay()).isNull();
        assertThat(input.preferredTimes()).containsExactly("monday morning", "after 6pm");
    }

    @Test
    void a_time_without_offset_is_the_trainers_local_time_and_one_with_an_offset_is_kept() throws Exception {
        SchedulingInput input = read("""
                {"trainer": {"timezone": "America/New_York"}, "existing_sessions": [
                  {"start": "2026-12-08T09:00", "end": "2026-12-08T10:00"},
                  {"start": "2026-12-08T09:00+01:00", "end": "2026-12-08T10:00+01:00", "status": "confirmed"}]}""");

        assertThat(input.existingSessions().get(0).start()).isEqualTo(Instant.parse("2026-12-08T14:00:00Z"));
        assertThat(input.existingSessions().get(1).start()).isEqualTo(Instant.parse("2026-12-08T08:00:00Z"));
        assertThat(input.existingSessions().get(1).status()).isEqualTo(SchedulingInput.Status.CONFIRMED);
    }

    @Test
    void a_horizon_of_ninety_days_is_accepted_and_ninety_one_named() throws Exception {
        assertThat(read("""
                {"horizon": {"from": "2026-12-01", "to": "2027-02-28"}}""").to()).isEqualTo("2027-02-28");
        assertThatThrownBy(() -> read("""
                {"horizon": {"from": "2026-12-01", "to": "2027-03-01"}}"""))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("horizon.to");
    }

    @Test
    void an_unknown_history_status_and_a_bad_count_are_named() {
        assertThatThrownBy(() -> read("""
                {"client": {"history": [{"start": "2026-11-01T08:00", "status": "maybe"}]}}"""))
                .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("client.history[0].status");
        assertThatThrownBy(() -> read("""
                {"count": 0}""")).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("count");
    }

    @Test
    void a_non_object_input_is_refused() {
        JsonNode array = json.createArrayNode();
        assertThatThrownBy(() -> SchedulingInputReader.read(array, NOW, SchedulingInputReader.Crm.NONE))
                .isInstanceOf(InvalidInputException.class);
    }
}
