package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Measurements pasted as CSV or uploaded as a CSV file, and an optional goal. Fires {@link AnalyseEvent}; the view
 * decides what to do with it.
 */
class MeasurementsForm extends Composite<FormLayout> {

    static final String PLACEHOLDER = "date,weight_kg,waist_cm\n2026-11-01,84.2,92\n2026-11-02,84.0,";
    /** A year of daily rows with a few columns is ~40 kB; anything near this is not a measurement file. */
    private static final long MAX_UPLOAD_BYTES = 1_000_000;

    final TextArea csv = new TextArea("Measurements (CSV)");
    final ComboBox<Metric> goalMetric = new ComboBox<>("Goal metric");
    final NumberField target = new NumberField("Target");
    final DatePicker byDate = new DatePicker("By (optional)");
    final Button analyse = new Button("Analyse");

    MeasurementsForm() {
        csv.setPlaceholder(PLACEHOLDER);
        csv.setHelperText("One line a day: date, then a column per field of the header (weight_kg, weight_lb, "
                + "body_fat_pct, waist_cm, waist_in, ...).");
        csv.setMinHeight("10em");
        csv.setMaxHeight("16em");
        csv.setId("progress-csv");
        goalMetric.setItems(Metric.values());
        goalMetric.setItemLabelGenerator(metric -> metric.code());
        goalMetric.setValue(Metric.WEIGHT_KG);
        target.setId("progress-target");
        analyse.setId("progress-analyse");
        analyse.setDisableOnClick(true); // a double click must not start two (billed) runs
        analyse.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        analyse.addClickListener(event -> fireEvent(new AnalyseEvent(this)));
        FormLayout form = getContent();
        form.add(csv, 3);
        form.add(createUpload(), goalMetric, target, byDate, analyse);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    }

    private Upload createUpload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            ui.access(() -> csv.setValue(text));
        }));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize((int) MAX_UPLOAD_BYTES);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span("Or drop a CSV file here"));
        return upload;
    }

    void showError(String message) {
        csv.setInvalid(true);
        csv.setErrorMessage(message);
    }

    void clearError() {
        csv.setInvalid(false);
    }

    Registration addAnalyseListener(ComponentEventListener<AnalyseEvent> listener) {
        return addListener(AnalyseEvent.class, listener);
    }

    /** The trainer asked for an analysis of what the form holds. */
    static class AnalyseEvent extends ComponentEvent<MeasurementsForm> {

        AnalyseEvent(MeasurementsForm source) {
            super(source, false);
        }

        String csv() {
            return getSource().csv.getValue();
        }

        Metric metric() {
            return getSource().target.getValue() == null ? null : getSource().goalMetric.getValue();
        }

        Double target() {
            return getSource().target.getValue();
        }

        LocalDate byDate() {
            return getSource().byDate.getValue();
        }
    }
}
