package com.fitnesscrm.orchestrator.scheduling.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The slots shown, as a list to choose from (all chosen at first), and the chosen ones exported as {@code .ics} and
 * CSV. The files are made when the choice changes, so a download is what the list shows at that moment.
 */
class SlotList extends VerticalLayout {

    final Grid<Slot> grid = new Grid<>();
    final Anchor ics = new Anchor();
    final Anchor csv = new Anchor();
    private final Supplier<String> title;
    private final Clock clock;

    SlotList(Supplier<String> title, Clock clock) {
        this.title = title;
        this.clock = clock;
        setPadding(false);
        grid.setId("schedule-slots");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addColumn(Slot::text).setHeader("Slot").setKey("slot").setAutoWidth(true);
        grid.addColumn(slot -> String.join(" · ", slot.reasons())).setHeader("Reasons").setKey("reasons")
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        grid.addSelectionListener(event -> refreshExports());
        ics.setId("schedule-export-ics");
        ics.setText("Export .ics");
        csv.setId("schedule-export-csv");
        csv.setText("Export CSV");
        add(grid, new HorizontalLayout(ics, csv));
        setVisible(false);
    }

    void show(List<Slot> slots) {
        grid.setItems(slots);
        slots.forEach(grid::select);
        refreshExports();
        setVisible(!slots.isEmpty());
    }

    /** The chosen slots by start. */
    List<Slot> chosen() {
        return grid.getSelectedItems().stream().sorted(Comparator.comparing(Slot::start)).toList();
    }

    private void refreshExports() {
        List<Slot> chosen = chosen();
        set(ics, ScheduleExport.ics(chosen, title.get(), clock.instant()), "schedule.ics", "text/calendar");
        set(csv, ScheduleExport.csv(chosen), "schedule.csv", "text/csv");
        ics.setEnabled(!chosen.isEmpty());
        csv.setEnabled(!chosen.isEmpty());
    }

    private static void set(Anchor anchor, String text, String name, String type) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        anchor.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(new ByteArrayInputStream(bytes),
                name, type + ";charset=utf-8", bytes.length)), AttachmentType.DOWNLOAD);
    }
}
