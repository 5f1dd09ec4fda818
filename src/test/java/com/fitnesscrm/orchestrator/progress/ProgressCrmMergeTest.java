package com.fitnesscrm.orchestrator.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Session;
import com.fitnesscrm.orchestrator.progress.ProgressInput.SessionStatus;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How a short request and the CRM's history of the client become one input, and when a series is stale. */
class ProgressCrmMergeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
    private final ObjectMapper json = new ObjectMapper();

    /** Ten weekly weigh-ins up to last week, and a progress record and a session on some of those days. */
    private static ClientRecords tenWeeks(LocalDate lastDay) {
        List<Reading> measurements = new ArrayList<>();
        for (int week = 9; week >= 0; week--) {
            measurements.add(new Reading(lastDay.minusWeeks(week), Metric.WEIGHT_KG, 82 - 0.5 * (9 - week)));
        }
        List<Reading> records = List.of(new Reading(lastDay, Metric.WEIGHT_KG, 99),
                new Reading(lastDay.minusDays(3), Metric.WEIGHT_KG, 78.2),
                new Reading(lastDay, Metric.BODY_FAT_PCT, 22));
        List<Session> sessions = List.of(new Session(TODAY, SessionStatus.SCHEDULED),
                new Session(TODAY.minusDays(2), SessionStatus.COMPLETED));
        return new ClientRecords(null, measurements, records, sessions, List.of());
    }

    @Test
    void the_request_wins_on_its_day_measurements_beat_progress_records_and_each_source_is_counted()
            throws Exception {
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "current_metrics": {"weight": 77.5}, "goal_metrics": {"weight": 76},
                 "sessions": [{"date": "%s", "status": "no_show"}]}""".formatted(TODAY.minusDays(2))), TODAY,
                id -> tenWeeks(TODAY.minusWeeks(1)));

        assertThat(input.readings()).filteredOn(r -> r.date().equals(TODAY))
                .extracting(Reading::metric, Reading::value).containsExactly(tuple(Metric.WEIGHT_KG, 77.5));
        // Same day in measurements (77.5) and progress_records (99): measurements'.
        assertThat(input.readings()).filteredOn(r -> r.date().equals(TODAY.minusWeeks(1))
                && r.metric() == Metric.WEIGHT_KG).extracting(Reading::value).containsExactly(77.5);
        // The request's no-show stands on its day; the CRM's booking for today is added.
        assertThat(input.sessions()).extracting(Session::date, Session::status).containsExactlyInAnyOrder(
                tuple(TODAY.minusDays(2), SessionStatus.NO_SHOW), tuple(TODAY, SessionStatus.SCHEDULED));
        assertThat(input.sources()).containsExactly(org.assertj.core.api.Assertions.entry("request", 2),
                org.assertj.core.api.Assertions.entry("measurements", 10),
                org.assertj.core.api.Assertions.entry("progress_records", 2),
                org.assertj.core.api.Assertions.entry("sessions", 1));
        assertThat(input.usesCrm()).isTrue();
    }

    @Test
    void a_request_with_enough_history_of_its_own_does_not_read_the_crm() throws Exception {
        StringBuilder history = new StringBuilder();
        for (int d = 30; d >= 1; d -= 3) {
            history.append(history.isEmpty() ? "" : ",").append("{\"date\": \"").append(TODAY.minusDays(d))
                    .append("\", \"weight\": ").append(85 - d * 0.05).append('}');
        }
        AtomicInteger asked = new AtomicInteger();
        ProgressInput input = ProgressInputReader.read(json.readTree("{\"client_id\": 42, \"historical_data\": ["
                + history + "]}"), TODAY, id -> {
                    asked.incrementAndGet();
                    return tenWeeks(TODAY);
                });

        assertThat(asked).hasValue(0);
        assertThat(input.usesCrm()).isFalse();
        assertThat(input.sources()).containsOnlyKeys("request");
    }

    @Test
    void a_client_id_that_is_not_a_crm_id_is_not_looked_up() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        ProgressInputReader.read(json.readTree("""
                {"client_id": "c-7", "current_metrics": {"weight": 82}}"""), TODAY, id -> {
                    asked.incrementAndGet();
                    return ClientRecords.NONE;
                });
        assertThat(asked).hasValue(0);
    }

    @Test
    void crm_history_gives_a_measured_trend_where_the_request_alone_gives_safe_rates() throws Exception {
        String request = """
                {"client_id": 42, "current_metrics": {"weight": 77.4}, "goal_metrics": {"weight": 74}}""";
        ProgressReport alone = new ProgressEngine().report(ProgressInputReader.read(json.readTree(request), TODAY));
        ProgressReport merged = new ProgressEngine().report(ProgressInputReader.read(json.readTree(request), TODAY,
                id -> tenWeeks(TODAY.minusWeeks(1))));

        assertThat(alone.goals().get(0).eta().basis()).isEqualTo("safe_rate");
        assertThat(alone.basis()).isEqualTo("request");
        assertThat(merged.goals().get(0).status()).isEqualTo("on_track");
        assertThat(merged.goals().get(0).eta().basis()).isEqualTo("measured_trend");
        assertThat(merged.basis()).isEqualTo("crm_history");
        assertThat(ProgressPrediction.of(merged).basis()).isEqualTo("crm_history");
        assertThat(ProgressPrediction.of(alone).basis()).isEqualTo("safe_rate");
    }

    @Test
    void a_series_that_ended_over_four_weeks_ago_is_stale_with_no_date_and_asks_for_a_weigh_in() throws Exception {
        LocalDate lastDay = TODAY.minusDays(60);
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "goal_metrics": {"weight_loss": 74}}"""), TODAY, id -> tenWeeks(lastDay));
        ProgressReport report = new ProgressEngine().report(input);

        assertThat(report.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.status()).isEqualTo("stale");
            assertThat(goal.eta()).isNull();
            assertThat(goal.note()).contains(lastDay.toString()).contains("60 days ago");
        });
        assertThat(report.insights()).anySatisfy(text -> assertThat(text).contains("new weigh-in"));
        ProgressPrediction prediction = ProgressPrediction.of(report);
        assertThat(prediction.status()).isEqualTo("stale");
        assertThat(prediction.estimatedDate()).isNull();
        assertThat(prediction.estimatedWeeks()).isNull();
        assertThat(new ProgressEngine().check(input, report)).isEmpty();
    }

    @Test
    void the_main_backends_current_weight_restating_a_weigh_in_of_months_ago_is_still_stale() throws Exception {
        LocalDate lastDay = TODAY.minusDays(60);
        // The CRM's last weigh-in is 77.5 kg (82 - 0.5 x 9); the main backend sends it again as "current".
        ProgressInput restated = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "current_metrics": {"weight": 77.5}, "goal_metrics": {"weight": 74}}"""), TODAY,
                id -> tenWeeks(lastDay));
        assertThat(new ProgressEngine().report(restated).goals()).singleElement()
                .satisfies(goal -> assertThat(goal.status()).isEqualTo("stale"));
        assertThat(restated.sources()).containsEntry("request", 0);

        // A different current weight is a new measurement today: the series goes on.
        ProgressInput measured = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "current_metrics": {"weight": 75.9}, "goal_metrics": {"weight": 74}}"""), TODAY,
                id -> tenWeeks(lastDay));
        assertThat(measured.readings()).anySatisfy(reading -> assertThat(reading.date()).isEqualTo(TODAY));
        assertThat(new ProgressEngine().report(measured).goals()).singleElement()
                .satisfies(goal -> assertThat(goal.status()).isNotEqualTo("stale"));
    }

    @Test
    void four_weeks_exactly_is_not_yet_stale() throws Exception {
        ProgressInput input = ProgressInputReader.read(json.readTree("""
                {"client_id": 42, "goal_metrics": {"weight": 74}}"""), TODAY,
                id -> tenWeeks(TODAY.minusDays(ProgressReport.STALE_AFTER_DAYS)));

        assertThat(new ProgressEngine().report(input).goals().get(0).status()).isNotEqualTo("stale");
    }

    @Test
    void without_goals_in_the_request_the_crms_open_body_goal_is_used_with_its_unit_and_date() throws Exception {
        var goals = List.of(
                new com.fitnesscrm.orchestrator.crm.CrmGoal(1, 42, "Old", null, "weight_loss", 170.0, "lbs", null,
                        null, null, TODAY.minusYears(1), "completed", null),
                new com.fitnesscrm.orchestrator.crm.CrmGoal(2, 42, "Bench", null, "strength", 100.0, "kg", null,
                        null, null, null, "active", null),
                new com.fitnesscrm.orchestrator.crm.CrmGoal(3, 42, "Lose 4 kg", null, "weight_loss", 163.0, "lbs",
                        null, null, TODAY.plusMonths(3), null, "active", null));
        ClientRecords base = tenWeeks(TODAY.minusDays(1));
        ProgressInput input = ProgressInputReader.read(json.readTree("{\"client_id\": 42}"), TODAY,
                id -> new ClientRecords(null, base.measurements(), base.progressRecords(), base.sessions(), goals));

        assertThat(input.goals()).singleElement().satisfies(goal -> {
            assertThat(goal.metric()).isEqualTo(Metric.WEIGHT_KG);
            assertThat(goal.target()).isCloseTo(73.94, org.assertj.core.api.Assertions.within(0.01));
            assertThat(goal.byDate()).isEqualTo(TODAY.plusMonths(3));
            assertThat(goal.crmGoalId()).isEqualTo(3);
        });
    }
}
