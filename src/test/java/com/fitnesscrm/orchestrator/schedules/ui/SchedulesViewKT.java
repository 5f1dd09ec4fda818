package com.fitnesscrm.orchestrator.schedules.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fitnesscrm.orchestrator.KaribuTest;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.schedules.ScheduleService;
import com.fitnesscrm.orchestrator.security.UserRole;
import com.vaadin.flow.component.UI;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * An admin creates a schedule in the dialog (a bad cron is shown at its field, nothing saved), sees its next fire
 * times, pauses and resumes it; a trainer opens neither the view nor the service.
 */
class SchedulesViewKT extends KaribuTest {

    @Autowired
    private ScheduleService schedules;
    private final String name = "kt-" + UUID.randomUUID();

    @AfterEach
    void deleteOwn() {
        login(UserRole.ADMIN);
        schedules.list().stream().filter(s -> s.name().equals(name)).forEach(s -> schedules.delete(s.id()));
    }

    @Test
    void an_admin_creates_a_schedule_sees_when_it_fires_and_pauses_it() {
        login(UserRole.ADMIN);
        UI.getCurrent().navigate("schedules");
        SchedulesView view = _get(SchedulesView.class);
        int before = _size(view.grid);
        _click(_get(com.vaadin.flow.component.button.Button.class, spec -> spec.withId("new-schedule")));
        SchedulesView.ScheduleForm form = view.form;
        _setValue(form.name, name);
        _setValue(form.agent, "Code Analyzer");
        _setValue(form.cron, "every morning");
        _setValue(form.timeZone, "Europe/Berlin");
        _setValue(form.input, "{\"code\": \"x = 1\", \"file_path\": \"a.py\"}");
        _click(form.save);
        assertThat(form.cron.isInvalid()).isTrue();
        assertThat(form.cron.getErrorMessage()).contains("Invalid cron expression");
        assertThat(_size(view.grid)).as("nothing saved").isEqualTo(before);

        _setValue(form.cron, "0 0 7 ? * MON");
        _click(form.save);
        assertThat(form.dialog.isOpened()).isFalse();
        Schedule saved = _fetch(view.grid, 0, _size(view.grid)).stream().filter(s -> s.name().equals(name))
                .findFirst().orElseThrow();
        assertThat(view.grid.getSelectedItems()).extracting(Schedule::id).containsExactly(saved.id());
        assertThat(view.next.getText()).startsWith("Next: Mon ").contains("07:00").contains("(Europe/Berlin)");

        _click(view.pause);
        assertThat(schedules.get(saved.id()).paused()).isTrue();
        assertThat(view.pause.getText()).isEqualTo("Resume");
        assertThat(view.next.getText()).startsWith("Paused");
        _click(view.pause);
        assertThat(schedules.get(saved.id()).paused()).isFalse();
    }

    @Test
    void a_trainer_opens_neither_the_view_nor_the_service() {
        login(UserRole.TRAINER);
        UI.getCurrent().navigate("schedules");
        assertThatThrownBy(() -> _get(SchedulesView.class)).hasMessageContaining("AccessDeniedException");
        assertThatThrownBy(() -> schedules.list()).isInstanceOf(AccessDeniedException.class);
    }
}
