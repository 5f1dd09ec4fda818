package com.fitnesscrm.orchestrator.workouts.ui;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fitnesscrm.orchestrator.workouts.WorkoutInputReader;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Map;

/** The Workout Optimizer's inputs, with the agent's defaults; {@link #toInput()} gives the agent's JSON. */
class PlanInputForm extends Composite<FormLayout> {

    final TextField clientId = new TextField("Client id");
    final Select<Goal> goal = new Select<>();
    final Select<FitnessLevel> level = new Select<>();
    final CheckboxGroup<Equipment> equipment = new CheckboxGroup<>("Equipment");
    final IntegerField days = number("Days a week", 1, 7, WorkoutInputReader.DEFAULT_DAYS);
    final IntegerField minutes = number("Minutes a session", 15, 180, WorkoutInputReader.DEFAULT_MINUTES);
    final IntegerField weeks = number("Weeks", 1, 16, WorkoutInputReader.DEFAULT_WEEKS);
    final CheckboxGroup<Contraindication> contraindications = new CheckboxGroup<>("Contraindications");
    final MultiSelectComboBox<FocusArea> focusAreas = new MultiSelectComboBox<>("Focus areas");

    PlanInputForm() {
        clientId.setId("client-id");
        clientId.setMaxLength(100);
        goal.setLabel("Goal");
        goal.setItems(Goal.values());
        goal.setItemLabelGenerator(PlanInputForm::label);
        goal.setValue(WorkoutInputReader.DEFAULT_GOAL);
        level.setLabel("Fitness level");
        level.setItems(FitnessLevel.values());
        level.setItemLabelGenerator(PlanInputForm::label);
        level.setValue(WorkoutInputReader.DEFAULT_LEVEL);
        equipment.setItems(Equipment.values());
        equipment.setItemLabelGenerator(PlanInputForm::label);
        equipment.setValue(EnumSet.allOf(Equipment.class));
        contraindications.setItems(Contraindication.values());
        contraindications.setItemLabelGenerator(PlanInputForm::label);
        focusAreas.setId("focus-areas");
        focusAreas.setItems(FocusArea.values());
        focusAreas.setItemLabelGenerator(PlanInputForm::label);
        focusAreas.setPlaceholder("None: a balanced plan");
        focusAreas.setHelperText("More weekly sets for these muscles (within MRV), conditioning for cardio, mobility "
                + "for flexibility, heavier main lifts for strength");
        focusAreas.setClearButtonVisible(true);
        FormLayout form = getContent();
        form.add(clientId, goal, level, days, minutes, weeks);
        form.add(focusAreas, 3);
        form.add(equipment, 3);
        form.add(contraindications, 3);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    }

    /** The agent's input in its own field names. */
    ObjectNode toInput() {
        clearErrors();
        ObjectNode input = JsonNodeFactory.instance.objectNode();
        if (!clientId.getValue().isBlank()) {
            input.put("client_id", clientId.getValue().strip());
            // The trainer confirmed (or left out) what the CRM proposes: the form is the whole request.
            input.put("crm_defaults", false);
        }
        input.put("goal", goal.getValue() == null ? null : goal.getValue().code());
        input.put("fitness_level", level.getValue() == null ? null : level.getValue().code());
        var equipmentCodes = input.putArray("equipment");
        equipment.getValue().stream().sorted().forEach(item -> equipmentCodes.add(item.code()));
        putNumber(input, "days_per_week", days);
        putNumber(input, "minutes_per_session", minutes);
        putNumber(input, "weeks", weeks);
        var conditionCodes = input.putArray("contraindications");
        contraindications.getValue().stream().sorted().forEach(item -> conditionCodes.add(item.code()));
        var focusCodes = input.putArray("focus_areas");
        focusAreas.getValue().stream().sorted().forEach(item -> focusCodes.add(item.code()));
        return input;
    }

    /** Shows the agent's refusal at the field it names; false when no field of the form matches. */
    boolean showError(String field, String message) {
        String name = field == null ? "" : field.replaceAll("\\[\\d+]$", "");
        Map<String, HasValidation> fields = Map.of("client_id", clientId, "goal", goal, "fitness_level", level,
                "equipment", equipment, "days_per_week", days, "minutes_per_session", minutes, "weeks", weeks,
                "contraindications", contraindications, "focus_areas", focusAreas);
        HasValidation target = fields.get(name);
        if (target == null) {
            return false;
        }
        target.setErrorMessage(message);
        target.setInvalid(true);
        return true;
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {clientId, goal, level, equipment, days, minutes, weeks,
                contraindications, focusAreas}) {
            field.setInvalid(false);
        }
    }

    private static void putNumber(ObjectNode input, String name, IntegerField field) {
        if (field.getValue() != null) {
            input.put(name, field.getValue());
        }
    }

    private static IntegerField number(String label, int min, int max, int value) {
        IntegerField field = new IntegerField(label);
        field.setMin(min);
        field.setMax(max);
        field.setStepButtonsVisible(true);
        field.setValue(value);
        field.setHelperText(min + "–" + max);
        return field;
    }

    static String label(Enum<?> value) {
        String words = value.name().toLowerCase().replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
