package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A trainer's week as a grid: a column per day, a row per quarter hour, with the working hours (given or learned),
 * the booked sessions and the slots on top, each slot coloured by its show-up band and saying its time and
 * probability in words (colour is never the only sign). Built from plain components laid out by CSS grid, with
 * Lumo's colours, so it needs no frontend build. Clicking a slot hands it to the view (its reasons); hovering shows
 * them as the slot's title.
 */
class WeekGrid extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final int QUARTERS_PER_HOUR = 4;

    private final Consumer<Slot> onSlotClick;

    WeekGrid(Consumer<Slot> onSlotClick) {
        this.onSlotClick = onSlotClick;
        setId("schedule-week-grid");
        addClassName("schedule-week-grid");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", "The week");
        getStyle().set("display", "grid").set("gap", "1px").set("overflow-x", "auto")
                .set("background", "var(--lumo-contrast-5pct)").set("font-size", "var(--lumo-font-size-xs)");
        setWidthFull();
    }

    /** Shows the week from {@code monday} in {@code zone}: hours, booked sessions and slots. */
    void show(LocalDate monday, ZoneId zone, List<SchedulingOutput.Block> availability, List<Booking> booked,
              List<Slot> slots) {
        removeAll();
        List<Placed> items = new ArrayList<>();
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            for (SchedulingOutput.Block block : blocksOf(availability, day)) {
                items.add(new Placed(d, LocalTime.parse(block.start()), LocalTime.parse(block.end()),
                        availabilityCell(block)));
            }
        }
        for (Booking booking : booked) {
            ZonedDateTime start = booking.start().atZone(zone);
            int d = (int) ChronoUnit.DAYS.between(monday, start.toLocalDate());
            if (d >= 0 && d < 7) {
                ZonedDateTime end = booking.end().atZone(zone);
                LocalTime endTime = end.toLocalDate().isAfter(start.toLocalDate()) ? LocalTime.MAX
                        : end.toLocalTime();
                items.add(new Placed(d, start.toLocalTime(), endTime, sessionCell(booking, start, end)));
            }
        }
        for (Slot slot : slots) {
            int d = (int) ChronoUnit.DAYS.between(monday, slot.start().toLocalDate());
            if (d >= 0 && d < 7) {
                // a slot ending at midnight ends with its day, as a booking does
                LocalTime endTime = slot.end().toLocalDate().isAfter(slot.start().toLocalDate()) ? LocalTime.MAX
                        : slot.end().toLocalTime();
                items.add(new Placed(d, slot.start().toLocalTime(), endTime, slotCell(slot)));
            }
        }
        int firstHour = items.stream().mapToInt(item -> item.from().getHour()).min().orElse(7);
        int lastHour = items.stream().mapToInt(item -> item.to().getMinute() > 0 || item.to().equals(LocalTime.MAX)
                ? item.to().getHour() + 1 : item.to().getHour()).max().orElse(20);
        firstHour = Math.min(firstHour, 7);
        lastHour = Math.max(Math.min(lastHour, 24), 20);
        int rows = (lastHour - firstHour) * QUARTERS_PER_HOUR;
        getStyle().set("grid-template-columns", "4em repeat(7, minmax(7em, 1fr))")
                .set("grid-template-rows", "auto repeat(" + rows + ", minmax(0.9em, auto))");
        add(at(new Span(""), 1, 1, 1));
        for (int d = 0; d < 7; d++) {
            Span header = new Span(DAY.format(monday.plusDays(d)));
            header.addClassName("schedule-day");
            header.getStyle().set("font-weight", "600").set("padding", "var(--lumo-space-xs)");
            add(at(header, d + 2, 1, 1));
        }
        for (int hour = firstHour; hour < lastHour; hour++) {
            Span label = new Span(String.format(Locale.ROOT, "%02d:00", hour));
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(at(label, 1, 2 + (hour - firstHour) * QUARTERS_PER_HOUR, QUARTERS_PER_HOUR));
        }
        for (Placed item : items) {
            int from = row(item.from(), firstHour, lastHour);
            int to = item.to().equals(LocalTime.MAX) ? rows : row(item.to(), firstHour, lastHour);
            add(at(item.component(), item.day() + 2, 2 + from, Math.max(1, to - from)));
        }
    }

    private record Placed(int day, LocalTime from, LocalTime to, Component component) {
    }

    /** A date's blocks replace its weekday's, as the engine reads them. */
    private static List<SchedulingOutput.Block> blocksOf(List<SchedulingOutput.Block> blocks, LocalDate day) {
        List<SchedulingOutput.Block> dated = blocks.stream().filter(b -> day.toString().equals(b.date())).toList();
        if (!dated.isEmpty()) {
            return dated;
        }
        String weekday = day.getDayOfWeek().name().substring(0, 3).toLowerCase(Locale.ROOT);
        return blocks.stream().filter(b -> b.date() == null && weekday.equals(b.weekday())).toList();
    }

    private static int row(LocalTime time, int firstHour, int lastHour) {
        int minutes = time.getHour() * 60 + time.getMinute() - firstHour * 60;
        return Math.max(0, Math.min((lastHour - firstHour) * QUARTERS_PER_HOUR, minutes / 15));
    }

    private static Component at(Component component, int column, int row, int span) {
        component.getElement().getStyle().set("grid-column", String.valueOf(column))
                .set("grid-row", row + " / span " + span);
        return component;
    }

    private static Component availabilityCell(SchedulingOutput.Block block) {
        Div cell = new Div(new Span("Available " + block.start() + "–" + block.end()));
        cell.addClassName("schedule-available");
        cell.getElement().setAttribute("title", "Available " + block.start() + "–" + block.end());
        // The label at the block's foot: a slot at the start of the day would cover it there.
        cell.getStyle().set("background", "var(--lumo-base-color)").set("color", "var(--lumo-secondary-text-color)")
                .set("padding", "0 var(--lumo-space-xs)").set("display", "flex").set("align-items", "flex-end");
        return cell;
    }

    private static Component sessionCell(Booking booking, ZonedDateTime start, ZonedDateTime end) {
        String text = "Booked " + TIME.format(start) + "–" + TIME.format(end)
                + (booking.clientId() == null ? "" : " · client " + booking.clientId())
                + (booking.status() == null ? "" : " · " + booking.status().code());
        Div cell = new Div(new Span(text));
        cell.addClassName("schedule-booked");
        cell.getStyle().set("background", "var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-s)")
                .set("padding", "0 var(--lumo-space-xs)").set("z-index", "1").set("overflow", "hidden");
        return cell;
    }

    /**
     * A slot: its time and show-up on the face (the column says the day), the whole of it — day, time, probability
     * and band — as its accessible name, and the reasons as its tooltip. Not a Vaadin button, whose label cannot wrap
     * in a narrow column without theme CSS; a focusable element with the button role, answering Enter and Space.
     */
    private Component slotCell(Slot slot) {
        Span time = new Span(TIME.format(slot.start()) + "–" + TIME.format(slot.end()));
        time.getStyle().set("font-weight", "600");
        Span show = new Span(slot.showProbability() == null ? "client " + slot.clientId()
                : Slot.percent(slot.showProbability()) + " show-up");
        Div cell = new Div(time, new Span(" "), show);
        Slot.Band band = slot.band();
        cell.addClassName("schedule-slot");
        cell.addClassName("schedule-slot-" + band.name().toLowerCase(Locale.ROOT));
        cell.getElement().setAttribute("role", "button").setAttribute("tabindex", "0")
                .setAttribute("aria-label", slot.text())
                .setAttribute("title", slot.text() + "\n" + String.join("\n", slot.reasons()));
        cell.addClickListener(click -> onSlotClick.accept(slot));
        cell.getElement().addEventListener("keydown", key -> onSlotClick.accept(slot))
                .setFilter("event.key === 'Enter' || event.key === ' '");
        String colour = switch (band) {
            case HIGH -> "var(--lumo-success-color)";
            case MEDIUM -> "var(--lumo-warning-color, hsl(40, 95%, 45%))";
            case LOW -> "var(--lumo-error-color)";
            case NONE -> "var(--lumo-primary-color)";
        };
        cell.getStyle().set("background", "color-mix(in srgb, " + colour + " 22%, var(--lumo-base-color))")
                .set("border-left", "4px solid " + colour).set("border-radius", "var(--lumo-border-radius-s)")
                .set("color", "var(--lumo-body-text-color)").set("padding", "0 var(--lumo-space-xs)")
                .set("cursor", "pointer").set("z-index", "2").set("overflow", "hidden")
                .set("line-height", "var(--lumo-line-height-xs)");
        return cell;
    }
}
