package com.fitnesscrm.orchestrator.codeanalysis.ui;

import com.fitnesscrm.orchestrator.base.ui.ViewToolbar;
import com.fitnesscrm.orchestrator.codeanalysis.ErrorGroupService;
import com.fitnesscrm.orchestrator.codeanalysis.StoredErrorGroup;
import com.fitnesscrm.orchestrator.security.Roles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The error groups the main backend reported: count, first and last seen, a sparkline of the last 48 hours, and the
 * grouped trace with the rules' explanation.
 */
@Route("errors")
@PageTitle("Errors · FitnessCRM AI Orchestrator")
@Menu(order = 31, icon = "vaadin:bug", title = "Errors")
@RolesAllowed(Roles.ADMIN)
public class ErrorsView extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private static final char[] BARS = "▁▂▃▄▅▆▇█".toCharArray();

    private final transient ErrorGroupService errors;
    final Grid<StoredErrorGroup> grid = new Grid<>(StoredErrorGroup.class, false);
    final H3 title = new H3("Choose an error group");
    final Paragraph cause = new Paragraph();
    final Pre trace = new Pre();

    public ErrorsView(ErrorGroupService errors) {
        this.errors = errors;
        setSizeFull();
        trace.getStyle().set("white-space", "pre-wrap");
        VerticalLayout detail = new VerticalLayout(title, cause, trace);
        SplitLayout split = new SplitLayout(createGrid(), detail);
        split.setSizeFull();
        split.setSplitterPosition(60);
        add(new ViewToolbar("Errors", ViewToolbar.tertiary("Refresh", VaadinIcon.REFRESH, "refresh-errors",
                event -> grid.getDataProvider().refreshAll())), split);
        grid.setItems(query -> errors.list(query.getOffset(), query.getLimit()).stream());
    }

    private Grid<StoredErrorGroup> createGrid() {
        grid.addColumn(StoredErrorGroup::title).setHeader("Error").setFlexGrow(1).setWidth("16em")
                .setTooltipGenerator(StoredErrorGroup::title);
        grid.addColumn(StoredErrorGroup::count).setHeader("Count").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> TIME.format(g.firstSeen())).setHeader("First seen").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> TIME.format(g.lastSeen())).setHeader("Last seen").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(g -> sparklineOf(errors.hourly(g.id()))).setKey("sparkline")
                .setHeader("Last 48 h").setAutoWidth(true).setFlexGrow(0);
        grid.addItemClickListener(event -> show(event.getItem()));
        grid.setSizeFull();
        return grid;
    }

    private void show(StoredErrorGroup group) {
        title.setText(group.title() + " · " + group.count() + "×");
        cause.setText((group.likelyCause() == null ? "" : group.likelyCause()) + (group.suggestedFix() == null ? ""
                : " Fix: " + group.suggestedFix()));
        trace.setText(group.sampleTrace());
    }

    private static Span sparklineOf(long[] counts) {
        Span line = new Span(sparkline(counts));
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        line.getElement().setAttribute("aria-label", total + " in the last " + counts.length + " hours");
        line.getElement().setAttribute("title", total + " in the last " + counts.length + " hours, an hour a bar");
        return line;
    }

    /** Block characters scaled to the busiest hour; text, so it needs no chart component. */
    static String sparkline(long[] counts) {
        long max = 0;
        for (long count : counts) {
            max = Math.max(max, count);
        }
        StringBuilder line = new StringBuilder();
        for (long count : counts) {
            // An hour without errors is the lowest bar; any error at least the second, the busiest the highest.
            line.append(count == 0 ? BARS[0]
                    : BARS[(int) Math.max(1, (count * (BARS.length - 1) + max - 1) / max)]);
        }
        return line.toString();
    }
}
