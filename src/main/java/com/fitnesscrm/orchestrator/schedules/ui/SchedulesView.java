package com.fitnesscrm.orchestrator.schedules.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fitnesscrm.orchestrator.agents.Agent;
import com.fitnesscrm.orchestrator.agents.AgentService;
import com.fitnesscrm.orchestrator.base.ConflictException;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.base.NotFoundException;
import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.schedules.MisfirePolicy;
import com.fitnesscrm.orchestrator.schedules.OverlapPolicy;
import com.fitnesscrm.orchestrator.schedules.Schedule;
import com.fitnesscrm.orchestrator.schedules.ScheduleDraft;
import com.fitnesscrm.orchestrator.schedules.ScheduleService;
import com.fitnesscrm.orchestrator.schedules.ScheduledRun;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admins' schedules: each agent run on a cron expression in a time zone, its next five fire times, pause and resume,
 * and the runs it started (each a link to the run).
 */
@Route("schedules")
@PageTitle("Schedules · FitnessCRM AI Orchestrator")
@Menu(order = 40, icon = "vaadin:alarm", title = "Schedules")
@RolesAllowed(Roles.ADMIN)
public class SchedulesView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(SchedulesView.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm:ss");

    private final transient ScheduleService schedules;
    private final transient AgentService agents;
    private final transient ObjectMapper objectMapper;
    final Grid<Schedule> grid = new Grid<>(Schedule.class, false);
    final H3 title = new H3("Choose a schedule");
    final Paragraph next = new Paragraph();
    final Grid<ScheduledRun> history = new Grid<>(ScheduledRun.class, false);
    final Button pause = new Button("Pause", VaadinIcon.PAUSE.create(), event -> toggle());
    final Button edit = new Button("Edit", VaadinIcon.EDIT.create(), event -> selected().ifPresent(this::open));
    final Button delete = new Button("Delete", VaadinIcon.TRASH.create(), event -> deleteSelected());
    ScheduleForm form;
    /** The schedule shown in the detail: its zone is the one its times are read in. */
    private Schedule shown;

    public SchedulesView(ScheduleService schedules, AgentService agents, ObjectMapper objectMapper) {
        this.schedules = schedules;
        this.agents = agents;
        this.objectMapper = objectMapper;
        setSizeFull();
        pause.setId("pause-schedule");
        edit.setId("edit-schedule");
        delete.setId("delete-schedule");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout detail = new VerticalLayout(title, new HorizontalLayout(pause, edit, delete), next, history);
        history.addComponentColumn(run -> new Anchor("executions/" + run.id(), "#" + run.id())).setHeader("Run")
                .setAutoWidth(true).setFlexGrow(0);
        history.addColumn(ScheduledRun::status).setHeader("Status").setAutoWidth(true);
        history.addColumn(run -> run.startedAt() == null || shown == null ? "" : at(run.startedAt(),
                shown.timeZone())).setKey("requested").setHeader("Requested").setAutoWidth(true);
        history.addColumn(run -> run.error() == null ? "" : run.error()).setHeader("Error").setFlexGrow(1);
        SplitLayout split = new SplitLayout(createGrid(), detail);
        split.setSizeFull();
        split.setSplitterPosition(55);
        add(new ViewToolbar("Schedules", ViewToolbar.primary("New schedule", VaadinIcon.PLUS, "new-schedule",
                event -> open(null))), split);
        refresh();
        show(null);
    }

    private Grid<Schedule> createGrid() {
        grid.addColumn(Schedule::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1)
                .setTooltipGenerator(Schedule::name);
        grid.addColumn(Schedule::agent).setHeader("Agent").setAutoWidth(true);
        grid.addColumn(s -> s.cron() + " · " + s.timeZone()).setHeader("When").setAutoWidth(true);
        grid.addColumn(s -> s.paused() ? "paused" : s.nextFireTimes().isEmpty() ? "never again"
                : at(s.nextFireTimes().get(0), s.timeZone())).setKey("next").setHeader("Next").setAutoWidth(true);
        grid.addColumn(s -> s.skipped() == 0 ? "" : s.skipped() + " skipped").setHeader("Overlaps")
                .setAutoWidth(true);
        grid.addSelectionListener(event -> show(event.getFirstSelectedItem().orElse(null)));
        grid.setSizeFull();
        return grid;
    }

    void refresh() {
        Long keep = selected().map(Schedule::id).orElse(null);
        List<Schedule> all = schedules.list();
        grid.setItems(all);
        all.stream().filter(s -> keep != null && s.id() == keep).findFirst().ifPresentOrElse(grid::select,
                () -> show(null));
    }

    private java.util.Optional<Schedule> selected() {
        return grid.getSelectedItems().stream().findFirst();
    }

    private void show(Schedule schedule) {
        shown = schedule;
        pause.setEnabled(schedule != null);
        edit.setEnabled(schedule != null);
        delete.setEnabled(schedule != null);
        if (schedule == null) {
            title.setText("Choose a schedule");
            next.setText("");
            history.setItems(List.of());
            return;
        }
        title.setText(schedule.name() + " · " + schedule.agent());
        pause.setText(schedule.paused() ? "Resume" : "Pause");
        pause.setIcon((schedule.paused() ? VaadinIcon.PLAY : VaadinIcon.PAUSE).create());
        next.setText(schedule.paused() ? "Paused: it fires again once resumed ("
                + schedule.misfirePolicy().code().replace('_', ' ') + " for what it missed)."
                : "Next: " + schedule.nextFireTimes().stream().map(at -> at(at, schedule.timeZone()))
                .collect(Collectors.joining(", ")) + " (" + schedule.timeZone() + ")."
                + (schedule.lastError() == null ? "" : " Last firing: " + schedule.lastError()));
        history.setItems(schedules.runs(schedule.id()));
    }

    /** A time in the schedule's zone, to the second when it is not on a whole minute (a cron with seconds). */
    private static String at(Instant at, String zone) {
        return (at.getEpochSecond() % 60 == 0 ? TIME : TIME_SECONDS).format(at.atZone(ZoneId.of(zone)));
    }

    private void toggle() {
        selected().ifPresent(s -> attempt(() -> {
            if (s.paused()) {
                schedules.resume(s.id());
            } else {
                schedules.pause(s.id());
            }
        }));
    }

    private void deleteSelected() {
        selected().ifPresent(s -> attempt(() -> {
            schedules.delete(s.id());
            grid.deselectAll();
        }));
    }

    /**
     * Does what was clicked and shows the schedules as they are now; another admin's change in between (the
     * schedule deleted) or a refusal of the scheduler is said, never left to the default error page.
     */
    private void attempt(Runnable change) {
        try {
            change.run();
        } catch (NotFoundException | ConflictException e) {
            tell(e.getMessage());
        } catch (RuntimeException e) {
            log.error("A change to a schedule failed", e);
            tell("The change could not be made; the service's log has the reason.");
        }
        refresh();
    }

    private static void tell(String message) {
        Notification.show(message, 5000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void open(Schedule schedule) {
        form = new ScheduleForm(schedule);
        form.dialog.open();
    }

    /** The dialog that creates or changes a schedule; a refusal is shown at the field it names. */
    final class ScheduleForm {

        final Dialog dialog = new Dialog();
        final TextField name = new TextField("Name");
        final ComboBox<String> agent = new ComboBox<>("Agent");
        final TextField cron = new TextField("Cron (Quartz, seconds first)");
        final ComboBox<String> timeZone = new ComboBox<>("Time zone");
        final TextArea input = new TextArea("Input (JSON object)");
        final Select<OverlapPolicy> overlap = new Select<>();
        final Select<MisfirePolicy> misfire = new Select<>();
        final Button save = new Button("Save", event -> save());
        private final Schedule editing;

        ScheduleForm(Schedule editing) {
            this.editing = editing;
            dialog.setHeaderTitle(editing == null ? "New schedule" : "Edit " + editing.name());
            agent.setItems(agents.list().stream().map(Agent::name).toList());
            timeZone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
            overlap.setLabel("If the previous run still goes");
            overlap.setItems(OverlapPolicy.values());
            overlap.setItemLabelGenerator(p -> p == OverlapPolicy.SKIP ? "skip this firing" : "run anyway");
            misfire.setLabel("Fire times missed");
            misfire.setItems(MisfirePolicy.values());
            misfire.setItemLabelGenerator(p -> p == MisfirePolicy.RUN_ONCE ? "run once" : "skip them");
            cron.setHelperText("seconds minutes hours day-of-month month weekday, e.g. 0 0 6 ? * MON-FRI: "
                    + "06:00 on weekdays");
            if (editing == null) {
                timeZone.setValue(ZoneId.systemDefault().getId());
                cron.setValue("0 0 6 ? * MON-FRI");
                input.setValue("{}");
                overlap.setValue(OverlapPolicy.SKIP);
                misfire.setValue(MisfirePolicy.RUN_ONCE);
            } else {
                name.setValue(editing.name());
                agent.setValue(editing.agent());
                cron.setValue(editing.cron());
                timeZone.setValue(editing.timeZone());
                input.setValue(editing.input().toPrettyString());
                overlap.setValue(editing.overlapPolicy());
                misfire.setValue(editing.misfirePolicy());
            }
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.setId("save-schedule");
            FormLayout layout = new FormLayout(name, agent, cron, timeZone, overlap, misfire, input);
            layout.setColspan(input, 2);
            dialog.add(layout);
            dialog.getFooter().add(new Button("Cancel", event -> dialog.close()), save);
            dialog.setWidth("44em");
        }

        void save() {
            Map<String, HasValidation> fields = Map.of("name", name, "agent", agent, "cron", cron, "time_zone",
                    timeZone, "input", input);
            fields.values().forEach(field -> field.setInvalid(false));
            try {
                ScheduleDraft draft = new ScheduleDraft(name.getValue(), agent.getValue(), json(),
                        cron.getValue(), timeZone.getValue(), overlap.getValue(), misfire.getValue());
                Schedule saved = editing == null ? schedules.create(draft) : schedules.update(editing.id(), draft);
                dialog.close();
                refresh();
                grid.select(grid.getListDataView().getItems().filter(s -> s.id() == saved.id()).findFirst()
                        .orElse(saved));
            } catch (InvalidInputException e) {
                HasValidation field = fields.getOrDefault(e.field().startsWith("input") ? "input" : e.field(),
                        input);
                field.setErrorMessage(e.getMessage());
                field.setInvalid(true);
            } catch (ConflictException e) {
                name.setErrorMessage(e.getMessage());
                name.setInvalid(true);
            } catch (NotFoundException e) {
                dialog.close();
                tell(e.getMessage());
                refresh();
            } catch (RuntimeException e) {
                log.error("Saving a schedule failed", e);
                tell("The schedule could not be saved; the service's log has the reason.");
            }
        }

        private JsonNode json() {
            try {
                return objectMapper.readTree(input.getValue().isBlank() ? "{}" : input.getValue());
            } catch (JsonProcessingException e) {
                throw new InvalidInputException("input", "The input is not JSON: "
                        + e.getOriginalMessage() + ".");
            }
        }
    }
}
