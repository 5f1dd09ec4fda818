package com.fitnesscrm.orchestrator.scheduling.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.crm.CrmDirectory;
import com.fitnesscrm.orchestrator.crm.CrmTables;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.security.ui.LoginView;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.textfield.TextField;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Schedule view on the main backend's schema ({@link CrmTables}): trainer 1 (Maria Coach) has worked Tuesdays and
 * Thursdays 07:00–11:00 for 26 weeks; Tom Client kept his Thursdays and missed most Tuesdays; next week's Thursday
 * 07:00–08:00 is booked.
 */
class ScheduleViewKT extends KaribuTest {

    private static final Pattern PERCENT = Pattern.compile("· (\\d+) % show-up \\((high|medium|low) show-up\\)");
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private CrmDirectory directory;
    @Autowired
    private Clock clock;

    private CrmTables crm;
    private LocalDate nextMonday;

    @AfterEach
    void dropCrm() {
        if (crm != null) {
            crm.close();
        }
    }

    @Test
    void a_linked_trainer_sees_themselves_preselected_and_the_crm_clients_slots_in_the_week_worded_and_coloured() {
        loadCrm();
        linkTrainerToCrmTrainer(1); // Maria Coach
        login(UserRole.TRAINER);
        ScheduleView view = open();

        assertThat(view.form.trainer.getValue().name()).isEqualTo("Maria Coach");
        pickTom();
        _setValue(view.form.preferred, "tuesday or thursday, sometime nice");
        _setValue(view.form.count, 4);
        suggest(view);

        // Tuesday 07:00–11:00 and Thursday 08:00–11:00 free, two slots at least 2 h apart on each.
        List<Div> slots = _find(Div.class, spec -> spec.withClasses("schedule-slot"));
        assertThat(slots).hasSize(4);
        for (Div slot : slots) {
            String name = name(slot);
            Matcher words = PERCENT.matcher(name);
            assertThat(words.find()).as(name).isTrue();
            int percent = Integer.parseInt(words.group(1));
            String band = percent >= 80 ? "high" : percent >= 60 ? "medium" : "low";
            assertThat(words.group(2)).as(name).isEqualTo(band);
            assertThat(slot.getClassNames()).as(name).contains("schedule-slot-" + band);
            assertThat(name).matches("(Tue|Thu) \\d+ Dec \\d\\d:\\d\\d–\\d\\d:\\d\\d · .*");
            // The face says the time and the probability too; the column says the day.
            Matcher time = Pattern.compile("\\d\\d:\\d\\d–\\d\\d:\\d\\d").matcher(name);
            assertThat(time.find()).isTrue();
            assertThat(slot.getElement().getTextRecursively()).isEqualTo(time.group() + " " + percent + " % show-up");
            assertThat(slot.getElement().getAttribute("role")).isEqualTo("button");
            assertThat(slot.getElement().getAttribute("title")).as("reasons on hover").contains(name)
                    .contains("\n");
        }
        // Thursdays, which Tom keeps, show a higher show-up than Tuesdays, which he misses.
        assertThat(percent(slots, "Thu")).isGreaterThan(percent(slots, "Tue"));
        assertThat(_find(Div.class, spec -> spec.withClasses("schedule-booked")))
                .anySatisfy(booked -> assertThat(booked.getElement().getTextRecursively()).startsWith("Booked 07:00–08:00"));
        assertThat(_find(Div.class, spec -> spec.withClasses("schedule-available")))
                .anySatisfy(hours -> assertThat(hours.getElement().getTextRecursively()).isEqualTo("Available 07:00–11:00"));
        assertThat(view.summary.getText()).contains("learned from the trainer's sessions")
                .contains("not understood: sometime nice");

        _click(slots.get(0));
        Div details = _get(Div.class, spec -> spec.withId("schedule-slot-details"));
        assertThat(_find(details, ListItem.class)).isNotEmpty()
                .anySatisfy(reason -> assertThat(reason.getText()).containsIgnoringCase("show"));
    }

    @Test
    void the_chosen_slots_export_as_icalendar_events_at_their_utc_times_and_as_csv_rows() {
        loadCrm();
        login(UserRole.ADMIN);
        ScheduleView view = open();
        ComboBoxKt.selectByLabel(view.form.trainer, "Maria Coach · coach@gym.example");
        pickTom();
        _setValue(view.form.count, 4);
        suggest(view);

        List<Slot> chosen = view.slots.chosen();
        assertThat(chosen).hasSize(4);
        view.slots.grid.deselect(chosen.get(3)); // the trainer unticks one
        chosen = view.slots.chosen();

        String ics = download("schedule-export-ics");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        List<String> starts = Pattern.compile("(?m)^DTSTART:(\\S+)$").matcher(ics).results()
                .map(m -> m.group(1)).toList();
        assertThat(starts).containsExactlyElementsOf(chosen.stream()
                .map(s -> ICS_UTC.format(s.start().withOffsetSameInstant(ZoneOffset.UTC))).toList());
        assertThat(Pattern.compile("(?m)^UID:").matcher(ics).results().count()).isEqualTo(3);
        assertThat(ics.lines()).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        assertThat(ics).contains("SUMMARY:Training: Tom Client with Maria Coach (client 1)");

        List<String> csv = download("schedule-export-csv").lines().toList();
        assertThat(csv.get(0)).startsWith("start,end,client_id,show_probability,score");
        assertThat(csv).hasSize(4);
        assertThat(OffsetDateTime.parse(csv.get(1).split(",")[0]).toInstant())
                .isEqualTo(chosen.get(0).start().toInstant());
        assertThat(csv.get(1).split(",")[2]).isEqualTo("1");
    }

    @Test
    void optimise_week_shows_the_assignments_before_anything_is_written_to_the_crm() {
        loadCrm();
        login(UserRole.ADMIN);
        ScheduleView view = open();
        ComboBoxKt.selectByLabel(view.form.trainer, "Maria Coach · coach@gym.example");
        pickTom();
        _setValue(view.form.perWeek, 2);
        Integer sessionsBefore = jdbc.queryForObject("SELECT count(*) FROM sessions", Integer.class);

        _click(view.optimise);
        awaitPush(view.optimise::isEnabled);

        assertThat(view.weekPlan.isVisible()).isTrue();
        List<ListItem> assignments = _find(_get(Div.class, spec -> spec.withId("schedule-week-plan")),
                ListItem.class).stream().filter(item -> item.getParent().flatMap(p -> p.getId())
                .filter("schedule-assignments"::equals).isPresent()).toList();
        assertThat(assignments.stream().filter(a -> a.getText().contains("client 1"))).hasSize(2);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("schedule-objective"))
                .getText()).contains("0 hard violations");
        assertThat(_find(Div.class, spec -> spec.withClasses("schedule-slot")).stream()
                .filter(slot -> name(slot).contains("client 1"))).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM sessions", Integer.class)).isEqualTo(sessionsBefore);

        // The week shown can be voted on, as every result in the views.
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withClasses("feedback-helpful")));
        assertThat(jdbc.queryForObject("SELECT f.feedback FROM ai_feedback f JOIN ai_agent_executions e "
                + "ON e.id = f.execution_id WHERE f.voter = 'admin' AND e.task_type = 'scheduling' "
                + "ORDER BY f.id DESC LIMIT 1", String.class)).isEqualTo("helpful");
        assertThat(view.feedback.buttons().current()).isEqualTo(com.fitnesscrm.orchestrator.metrics.Feedback.HELPFUL);
    }

    @Test
    void a_time_zone_that_does_not_exist_is_said_at_the_field_and_nothing_is_suggested() {
        login(UserRole.TRAINER);
        ScheduleView view = open();
        _setValue(view.form.timezone, "Mars/Olympus");
        suggest(view);

        TextField zone = _get(TextField.class, spec -> spec.withId("schedule-timezone"));
        assertThat(zone.isInvalid()).isTrue();
        assertThat(zone.getErrorMessage()).contains("Mars/Olympus").doesNotContain("Exception");
        assertThat(_find(Div.class, spec -> spec.withClasses("schedule-slot"))).isEmpty();
    }

    @Test
    void admins_and_trainers_open_the_schedule_and_a_visitor_is_sent_to_the_login() {
        UI.getCurrent().navigate("schedule");
        assertThat(_find(ScheduleView.class)).isEmpty();
        assertThat(_find(LoginView.class)).hasSize(1);
        for (UserRole role : List.of(UserRole.TRAINER, UserRole.ADMIN)) {
            startNewSession();
            login(role);
            UI.getCurrent().navigate("schedule");
            assertThat(_find(ScheduleView.class)).as(role.name()).hasSize(1);
        }
        startNewSession();
        assertThatThrownBy(ScheduleViewKT::open).isInstanceOf(AssertionError.class);
    }

    private static ScheduleView open() {
        UI.getCurrent().navigate(ScheduleView.class);
        ScheduleView view = _get(ScheduleView.class);
        return view;
    }

    private void pickTom() {
        var picker = _get(com.fitnesscrm.orchestrator.crm.ui.ClientPicker.class,
                spec -> spec.withId("schedule-client"));
        ComboBoxKt.setUserInput(picker, "tom");
        picker.setValue(ComboBoxKt.getSuggestionItems(picker).get(0));
        _setValue(_get(ScheduleView.class).form.week, nextMonday);
    }

    private static void suggest(ScheduleView view) {
        _click(view.suggest);
        awaitPush(view.suggest::isEnabled);
    }

    private static String name(Div slot) {
        return slot.getElement().getAttribute("aria-label");
    }

    private static int percent(List<Div> slots, String day) {
        return slots.stream().map(ScheduleViewKT::name).filter(name -> name.startsWith(day))
                .map(PERCENT::matcher)
                .filter(Matcher::find).mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
    }

    private static String download(String id) {
        return new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId(id))), StandardCharsets.UTF_8);
    }

    private void loadCrm() {
        crm = CrmTables.create(jdbc, directory);
        LocalDate today = LocalDate.now(clock);
        nextMonday = today.plusWeeks(1).with(DayOfWeek.MONDAY);
        for (int week = 1; week <= 26; week++) {
            for (DayOfWeek day : List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY)) {
                LocalDate date = today.minusWeeks(week).with(TemporalAdjusters.nextOrSame(day));
                for (int hour = 7; hour < 11; hour++) {
                    boolean tom = hour == 8 && week <= 10;
                    String status = tom && day == DayOfWeek.TUESDAY && week > 2 ? "no_show" : "completed";
                    session(tom ? 1 : 2, date.atTime(hour, 0), status);
                }
            }
        }
        session(2, nextMonday.with(DayOfWeek.THURSDAY).atTime(7, 0), "scheduled");
    }

    private void session(long client, LocalDateTime start, String status) {
        jdbc.update("INSERT INTO sessions (trainer_id, client_id, session_date, end_time, duration, session_type, "
                + "status, created_at) VALUES (1, ?, ?, ?, 60, 'personal', ?, now())", client, start,
                start.plusHours(1), status);
    }
}
