package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * "Optimise week" before anything is applied: the proposed assignments, the requests left unassigned with why, the
 * conflicts of the week as it stands with the moves that fix them, and the objective. Nothing here is booked.
 */
class WeekPlanPanel extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    WeekPlanPanel() {
        setId("schedule-week-plan");
        setVisible(false);
    }

    void show(SchedulingOutput.WeekPlan plan, ZoneId zone) {
        removeAll();
        add(new H4("Proposed week of " + plan.week()),
                new Paragraph("Nothing is booked: export the slots you choose and book them in the CRM."));
        UnorderedList assignments = list("schedule-assignments");
        plan.assignments().forEach(a -> assignments.add(new ListItem(Slot.of(a, zone).text()
                + (a.movedFrom() == null ? "" : " (moved from " + when(a.movedFrom(), zone) + ")")
                + " · score " + Numbers.plain(a.score()))));
        add(new H4("Assignments (" + plan.assignments().size() + ")"), assignments);
        UnorderedList unassigned = list("schedule-unassigned");
        plan.unassigned().forEach(u -> unassigned.add(new ListItem("Client " + u.clientId() + ": " + u.reason())));
        add(new H4("Unassigned (" + plan.unassigned().size() + ")"), unassigned);
        UnorderedList conflicts = list("schedule-conflicts");
        for (SchedulingOutput.Conflict conflict : plan.conflicts()) {
            UnorderedList moves = new UnorderedList();
            conflict.moves().forEach(m -> moves.add(new ListItem("Move client " + m.clientId() + " from "
                    + when(m.from(), zone) + (m.to() == null ? " out of the week" : " to " + when(m.to(), zone)))));
            conflicts.add(new ListItem(new Div(conflict.type() + ": " + conflict.description()), moves));
        }
        add(new H4("Conflicts in the week as it stands (" + plan.conflicts().size() + ")"), conflicts);
        SchedulingOutput.Objective objective = plan.objective();
        Paragraph score = new Paragraph("Objective: " + Numbers.plain(objective.total()) + " (slot score "
                + Numbers.plain(objective.slotScore()) + ", balance penalty " + Numbers.plain(objective.balancePenalty())
                + ", " + objective.moved() + " moved, " + objective.unassigned() + " unassigned, "
                + objective.hardViolations() + " hard violations)");
        score.setId("schedule-objective");
        add(score);
        setVisible(true);
    }

    private static UnorderedList list(String id) {
        UnorderedList list = new UnorderedList();
        list.setId(id);
        return list;
    }

    private static String when(String iso, ZoneId zone) {
        return iso == null ? "—" : WHEN.format(Slot.at(iso, zone));
    }
}
