package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.crm.CrmService;
import com.fitnesscrm.orchestrator.crm.CrmTrainer;
import com.fitnesscrm.orchestrator.crm.ui.ClientPicker;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;

/**
 * What the Schedule view asks Scheduling Intelligence: a trainer and a client from the CRM, the client's preferred
 * times as free text ("monday morning, after 6pm"), the week, and for "Optimise week" how many sessions the client
 * wants in it. Builds the agent's input; a refusal naming a field is shown at that field.
 */
class ScheduleForm extends FormLayout {

    final ComboBox<CrmTrainer> trainer = new ComboBox<>("Trainer");
    final ClientPicker client;
    final TextField preferred = new TextField("Preferred times");
    final DatePicker week = new DatePicker("Week of");
    final TextField timezone = new TextField("Time zone");
    final IntegerField minutes = new IntegerField("Session minutes");
    final IntegerField count = new IntegerField("Slots to suggest");
    final IntegerField perWeek = new IntegerField("Sessions in the week");
    final Span error = new Span();
    private final LocalDate today;

    ScheduleForm(CrmService crm, CrmTrainer signedIn, LocalDate today) {
        this.today = today;
        client = new ClientPicker(crm, signedIn == null ? null : signedIn.id());
        client.setId("schedule-client");
        trainer.setId("schedule-trainer");
        List<CrmTrainer> trainers = crm.trainers();
        trainer.setItems(trainers);
        trainer.setItemLabelGenerator(t -> t.name() + (t.email() == null ? "" : " · " + t.email()));
        trainer.setHelperText(signedIn == null ? "From the CRM" : "From the CRM; you are preselected");
        trainer.setVisible(!trainers.isEmpty());
        if (signedIn != null) {
            trainers.stream().filter(t -> t.id() == signedIn.id()).findFirst().ifPresent(trainer::setValue);
        }
        preferred.setId("schedule-preferred");
        preferred.setPlaceholder("monday morning, after 6pm, not friday");
        preferred.setHelperText("Separate wishes with commas");
        preferred.setClearButtonVisible(true);
        week.setId("schedule-week");
        week.setValue(today);
        week.setHelperText("Any day of the week");
        timezone.setId("schedule-timezone");
        timezone.setPlaceholder("the gym's");
        timezone.setHelperText("e.g. Europe/Berlin");
        number(minutes, "schedule-minutes", 60, 15, 240);
        number(count, "schedule-count", 5, 1, 20);
        number(perWeek, "schedule-per-week", 2, 1, 14);
        error.setId("schedule-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        add(trainer, client, preferred, week, timezone, minutes, count, perWeek, error);
        setColspan(error, 2);
    }

    private static void number(IntegerField field, String id, int value, int min, int max) {
        field.setId(id);
        field.setValue(value);
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
    }

    LocalDate monday() {
        LocalDate day = week.getValue() == null ? today : week.getValue();
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    Long trainerId() {
        return trainer.getValue() == null ? null : trainer.getValue().id();
    }

    /** Slot suggestions for the picked client in the shown week. */
    ObjectNode suggestionInput() {
        ObjectNode input = common();
        if (client.client() != null) {
            input.put("client_id", client.client().id());
        }
        var phrases = input.putArray("preferred_times");
        phrases().forEach(phrases::add);
        if (count.getValue() != null) {
            input.put("count", count.getValue());
        }
        input.putObject("horizon").put("from", monday().toString()).put("to", monday().plusDays(6).toString());
        return input;
    }

    /**
     * The week laid out: the picked client's sessions as a request; without a client, the main backend's own check of
     * the trainer's week.
     */
    ObjectNode weekInput() {
        ObjectNode input = common();
        input.put("week", monday().toString());
        if (client.client() != null) {
            ObjectNode request = input.putArray("requests").addObject().put("client_id", client.client().id());
            request.put("sessions_per_week", perWeek.getValue() == null ? 1 : perWeek.getValue());
            if (minutes.getValue() != null) {
                request.put("session_minutes", minutes.getValue());
            }
            var phrases = request.putArray("preferred_times");
            phrases().forEach(phrases::add);
        }
        return input;
    }

    private ObjectNode common() {
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (trainerId() != null) {
            input.put("trainer_id", trainerId());
        }
        if (!timezone.getValue().isBlank()) {
            input.putObject("trainer").put("timezone", timezone.getValue().strip());
        }
        if (minutes.getValue() != null) {
            input.put("session_minutes", minutes.getValue());
        }
        return input;
    }

    private List<String> phrases() {
        return Arrays.stream(preferred.getValue().split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    /** Shows the refusal at the field it names, or under the form when it names none of them. */
    void showError(InvalidInputException e) {
        clearError();
        String field = e.field() == null ? "" : e.field();
        HasValidation at = field.endsWith("timezone") ? timezone
                : field.contains("preferred_times") ? preferred
                : field.contains("session_minutes") ? minutes
                : field.equals("count") ? count
                : field.contains("sessions_per_week") ? perWeek
                : field.startsWith("week") || field.startsWith("horizon") ? week : null;
        if (at == null) {
            error.setText(e.getMessage());
            error.setVisible(true);
        } else {
            at.setErrorMessage(e.getMessage());
            at.setInvalid(true);
        }
    }

    void showError(String message) {
        clearError();
        error.setText(message);
        error.setVisible(true);
    }

    void clearError() {
        for (HasValidation field : List.<HasValidation>of(timezone, preferred, minutes, count, perWeek, week)) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
        error.setVisible(false);
    }
}
