package com.fitnesscrm.orchestrator.execution.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.JsonDiff;
import com.fitnesscrm.orchestrator.execution.RunComparison;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;

/**
 * Where two runs differ in one part (input, config or output): a grid of path, left value and right value, each value
 * as its JSON text (so {@code "1"} and {@code 1} read apart) in a grid cell, never HTML.
 */
class RunDifferences extends Composite<Div> {

    /** What a cell shows of one value at most: a changed object may be the whole output. */
    static final int MAX_CELL_CHARS = 500;
    static final String ABSENT = "(absent)";

    final Grid<RunComparison.Difference> grid = new Grid<>();
    final Paragraph note = new Paragraph();

    RunDifferences(String title, String leftHeader, String rightHeader, List<RunComparison.Difference> differences) {
        getContent().setWidthFull();
        getContent().add(new H3(title));
        if (differences.isEmpty()) {
            note.setText("No differences.");
            getContent().add(note);
            return;
        }
        // RunComparison holds JsonDiff's changes without its cut flag: a full list means there may be more.
        note.setText(differences.size() >= JsonDiff.DEFAULT_LIMIT
                ? "The first " + differences.size() + " differences; there may be more." : differences.size()
                + (differences.size() == 1 ? " difference." : " differences."));
        grid.addColumn(difference -> difference.path().isEmpty() ? "(whole value)" : difference.path())
                .setKey("path").setHeader("Path").setFlexGrow(1).setResizable(true);
        grid.addColumn(difference -> cell(difference.left())).setKey("left").setHeader(leftHeader).setFlexGrow(2)
                .setResizable(true);
        grid.addColumn(difference -> cell(difference.right())).setKey("right").setHeader(rightHeader)
                .setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(differences);
        grid.setAllRowsVisible(differences.size() <= 15);
        getContent().add(note, grid);
    }

    static String cell(JsonNode value) {
        if (value == null) {
            return ABSENT;
        }
        String text = value.toString();
        return text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) + " …" : text;
    }
}
