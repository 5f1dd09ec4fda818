package com.fitnesscrm.orchestrator.health.ui;

import com.fitnesscrm.orchestrator.health.Remediation;
import com.fitnesscrm.orchestrator.health.RemediationKind;
import com.fitnesscrm.orchestrator.health.SelfHealingMode;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Self-healing's remediation log, newest first: what was done (or, in a dry run, would have been), why, what came of
 * it, and an Undo for each entry that can still be undone.
 */
class RemediationLogGrid extends Grid<Remediation> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    RemediationLogGrid(Consumer<Remediation> undo) {
        super(Remediation.class, false);
        setId("remediation-log");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addColumn(entry -> TIME.format(entry.createdAt())).setHeader("When").setAutoWidth(true);
        addColumn(Remediation::what).setHeader("What").setAutoWidth(true);
        addColumn(Remediation::reason).setHeader("Why").setFlexGrow(1);
        addColumn(Remediation::result).setHeader("Result").setFlexGrow(1);
        addColumn(RemediationLogGrid::state).setHeader("Undone").setAutoWidth(true);
        addComponentColumn(entry -> undoButton(entry, undo)).setKey("undo").setHeader("")
                .setAutoWidth(true).setFlexGrow(0);
        setEmptyStateText("Self-healing has not had to do anything yet.");
    }

    void show(List<Remediation> entries) {
        setItems(entries);
    }

    static String state(Remediation entry) {
        if (entry.undoneAt() != null) {
            return TIME.format(entry.undoneAt()) + " by " + entry.undoneBy() + ": " + entry.undoResult();
        }
        if (entry.endedAt() != null) {
            return "ended " + TIME.format(entry.endedAt()) + " (the LLM answered again)";
        }
        if (entry.mode() == SelfHealingMode.DRY_RUN) {
            return "nothing was done";
        }
        return entry.kind().undo() == RemediationKind.Undo.REFUSED ? "cannot be undone" : "";
    }

    private static Span undoButton(Remediation entry, Consumer<Remediation> undo) {
        if (!entry.undoable()) {
            return new Span();
        }
        Button button = new Button("Undo", event -> undo.accept(entry));
        button.setId("undo-remediation-" + entry.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        button.setTooltipText(entry.kind().undo() == RemediationKind.Undo.REVERSES ? "Reverse this remediation"
                : "Record it as undone: " + entry.kind().whyNoReversal());
        return new Span(button);
    }
}
