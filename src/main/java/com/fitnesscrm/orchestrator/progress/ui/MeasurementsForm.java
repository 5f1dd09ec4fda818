package com.fitnesscrm.orchestrator.progress.ui;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ui.ProgressCsv.DateOrder;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Measurements pasted as CSV or uploaded as a CSV file (a template to start from is offered), and an optional goal.
 * When every date of the file reads both ways (03/04/2026), it asks whether the day or the month comes first, starting
 * from the browser's locale. Fires {@link AnalyseEvent}; the view decides what to do with it.
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
    final RadioButtonGroup<DateOrder> dateOrder = new RadioButtonGroup<>("Dates like 03/04/2026 are");
    final Anchor template = new Anchor();

    MeasurementsForm() {
        csv.setPlaceholder(PLACEHOLDER);
        csv.setHelperText("One line a day: date, then a column per field of the header (weight_kg, weight_lb, "
                + "body_fat_pct, waist_cm, waist_in, ...), separated by commas or semicolons; dates as 2026-01-31, "
                + "31/01/2026, 01/31/2026 or 31.01.2026.");
        csv.setMinHeight("10em");
        csv.setMaxHeight("16em");
        csv.setId("progress-csv");
        csv.addValueChangeListener(event -> {
            if (dateOrder.isVisible() && !ProgressCsv.needsDateOrder(event.getValue())) {
                dateOrder.setVisible(false); // the new text decides, or has no such dates
            }
        });
        dateOrder.setId("progress-date-order");
        dateOrder.setItems(DateOrder.values());
        dateOrder.setItemLabelGenerator(order -> order == DateOrder.DAY_FIRST ? "Day first (31/01/2026)"
                : "Month first (01/31/2026)");
        dateOrder.setVisible(false);
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
        form.add(dateOrder, 3);
        form.add(createUpload(), goalMetric, target, byDate, analyse);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
    }

    private Div createUpload() {
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            ui.access(() -> {
                csv.setValue(text);
                if (ProgressCsv.needsDateOrder(text)) {
                    askDateOrder(); // the file is there now: ask before the trainer analyses it
                }
            });
        }));
        upload.setMaxFiles(1);
        upload.setAcceptedFileTypes(".csv", "text/csv", "text/plain");
        upload.setMaxFileSize((int) MAX_UPLOAD_BYTES);
        upload.setDropLabel(new Span("Or drop a CSV file here"));
        return new Div(upload, createTemplateLink());
    }

    /** A CSV with the header and two rows, as Excel in the browser's locale separates columns and decimals. */
    private Anchor createTemplateLink() {
        Locale locale = locale();
        byte[] bytes = ProgressCsv.template(locale).getBytes(StandardCharsets.UTF_8);
        template.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                "measurements-template.csv", "text/csv;charset=utf-8", bytes.length)), AttachmentType.DOWNLOAD);
        template.setText("Download template");
        template.setId("progress-csv-template");
        return template;
    }

    /**
     * Shows the date-order question, set to the browser's order; {@code true} when it was already shown, so the
     * trainer has seen it and the form may be analysed with its answer.
     */
    boolean askDateOrder() {
        if (dateOrder.isVisible()) {
            return true;
        }
        if (dateOrder.getValue() == null) {
            dateOrder.setValue(DateOrder.of(locale()));
        }
        dateOrder.setHelperText("Every date in the file reads both ways. Check the order, then Analyse.");
        dateOrder.setVisible(true);
        return false;
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null ? ui.getLocale() : Locale.getDefault();
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

        /** The trainer's answer to the date-order question, or {@code null} when it was not asked. */
        DateOrder dateOrder() {
            return getSource().dateOrder.isVisible() ? getSource().dateOrder.getValue() : null;
        }
    }
}
