package com.fitnesscrm.orchestrator.metrics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.fitnesscrm.orchestrator.workouts.ui.WorkoutPlannerView;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A trainer gives a plan a thumbs up or down in the Workout planner; the vote is stored and shown again later. */
class FeedbackButtonsKT extends KaribuTest {

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void openPlanner() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate(WorkoutPlannerView.class);
    }

    @Test
    void a_thumb_stores_the_trainers_vote_shows_it_and_the_other_thumb_changes_it() {
        generate();
        Button up = _get(Button.class, spec -> spec.withClasses("feedback-helpful"));
        Button down = _get(Button.class, spec -> spec.withClasses("feedback-not-helpful"));
        assertThat(up.getAriaLabel()).hasValue("Helpful");
        assertThat(down.getAriaLabel()).hasValue("Not helpful");
        assertThat(up.getTooltip().getText()).isEqualTo("This result was helpful");
        assertThat(pressed(up)).isFalse();
        assertThat(pressed(down)).isFalse();
        long run = latestRun();

        _click(up);

        assertThat(pressed(up)).isTrue();
        assertThat(pressed(down)).isFalse();
        assertThat(said()).isEqualTo("You said helpful.");
        assertThat(votes(run)).containsExactly(TRAINER_USERNAME + "=helpful,ui");

        _click(down);

        assertThat(pressed(up)).isFalse();
        assertThat(pressed(down)).isTrue();
        assertThat(said()).isEqualTo("You said not helpful.");
        assertThat(votes(run)).as("replaced, not added").containsExactly(TRAINER_USERNAME + "=not_helpful,ui");
    }

    @Test
    void the_thumbs_show_the_users_earlier_vote_on_that_run() {
        generate();
        long run = latestRun();
        _click(_get(Button.class, spec -> spec.withClasses("feedback-helpful")));

        FeedbackButtons again = new FeedbackButtons(context.getBean(
                com.fitnesscrm.orchestrator.metrics.FeedbackService.class), run);

        assertThat(pressed(again.helpful)).isTrue();
        assertThat(again.said.getText()).isEqualTo("You said helpful.");

        login(UserRole.ADMIN);
        FeedbackButtons admins = new FeedbackButtons(context.getBean(
                com.fitnesscrm.orchestrator.metrics.FeedbackService.class), run);
        assertThat(admins.current()).as("another user's vote is theirs").isNull();
    }

    @Test
    void the_progress_analysis_has_thumbs_too_and_a_failed_analysis_none() {
        UI.getCurrent().navigate(com.fitnesscrm.orchestrator.progress.ui.ClientProgressView.class);
        com.vaadin.flow.component.textfield.TextArea csv = _get(com.vaadin.flow.component.textfield.TextArea.class,
                spec -> spec.withId("progress-csv"));
        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(csv, "date,weight_kg\n2026-01-05,84.0\n2026-02-30,83.5\n");
        analyse();
        assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Button.class,
                spec -> spec.withClasses("feedback-helpful"))).as("no result, nothing to vote on").isEmpty();

        com.github.mvysny.kaributesting.v10.LocatorJ._setValue(csv, "date,weight_kg\n2026-01-05,84.0\n"
                + "2026-01-12,83.5\n2026-01-19,83.1\n2026-01-26,82.6\n");
        analyse();
        long run = latestRun();
        _click(_get(Button.class, spec -> spec.withClasses("feedback-not-helpful")));

        assertThat(votes(run)).containsExactly(TRAINER_USERNAME + "=not_helpful,ui");
        assertThat(jdbc.queryForObject("SELECT task_type FROM ai_agent_executions WHERE id = ?", String.class, run))
                .isEqualTo("progress_monitoring");
    }

    @Test
    void an_admin_votes_on_a_succeeded_run_in_its_detail_view() throws Exception {
        login(UserRole.ADMIN);
        com.fitnesscrm.orchestrator.execution.Run run = context.getBean(
                com.fitnesscrm.orchestrator.execution.RunService.class).run(
                com.fitnesscrm.orchestrator.execution.RunRequest.forTaskType("workout_optimization",
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"goal\": \"hypertrophy\", "
                                + "\"days_per_week\": 3, \"weeks\": 1}")));
        UI.getCurrent().navigate("executions/" + run.id());

        _click(_get(Button.class, spec -> spec.withClasses("feedback-helpful")));

        assertThat(votes(run.id())).containsExactly("admin=helpful,ui");
        assertThat(pressed(_get(Button.class, spec -> spec.withClasses("feedback-helpful")))).isTrue();
    }

    private static void analyse() {
        Button analyse = _get(Button.class, spec -> spec.withId("progress-analyse"));
        _click(analyse);
        awaitPush(analyse::isEnabled);
    }

    private long latestRun() {
        return jdbc.queryForObject("SELECT max(id) FROM ai_agent_executions WHERE requested_by = ?", Long.class,
                TRAINER_USERNAME);
    }

    private List<String> votes(long run) {
        return jdbc.queryForList("SELECT voter || '=' || feedback || ',' || source FROM ai_feedback "
                + "WHERE execution_id = ?", String.class, run);
    }

    private static boolean pressed(Button button) {
        return "true".equals(button.getElement().getAttribute("aria-pressed"));
    }

    private static String said() {
        return _get(Span.class, spec -> spec.withClasses("feedback-said")).getText();
    }

    private static void generate() {
        Button generate = _get(Button.class, spec -> spec.withId("generate"));
        _click(generate);
        awaitPush(generate::isEnabled);
    }
}
