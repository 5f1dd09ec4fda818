package com.fitnesscrm.orchestrator.scheduling.engine;

import com.fitnesscrm.orchestrator.scheduling.SchedulingInput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Window;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput;
import com.fitnesscrm.orchestrator.scheduling.SchedulingOutput.Block;
import com.fitnesscrm.orchestrator.scheduling.Suggestion;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scheduling Intelligence's rules engine, the one way in: every free slot of the horizon on the 15-minute grid that
 * breaks no hard rule ({@link Calendar#breaks}) is scored ({@link SlotScorer}) and the best are suggested, spread over
 * different days first. Plain Java, deterministic: the same input gives the same answer.
 */
public final class SchedulingEngine {

    public static final String ENGINE = "rules";
    /** Two suggestions of one answer are at least this far apart on a day, so the client gets a real choice. */
    static final Duration SPREAD = Duration.ofHours(2);

    private final PreferenceParser parser = new PreferenceParser();

    public SchedulingOutput suggest(SchedulingInput input) {
        Plan plan = plan(input);
        List<SlotScorer.Scored> candidates = candidates(input, plan);
        List<SlotScorer.Scored> chosen = pick(candidates, input.count());
        List<Suggestion> suggestions = suggestions(plan, chosen);
        List<String> notes = new ArrayList<>();
        if (suggestions.size() < input.count()) {
            notes.add(candidates.isEmpty()
                    ? "No free slot in the horizon breaks no rule: widen the horizon or the availability."
                    : "Only " + suggestions.size() + " free slots in the horizon.");
        }
        return new SchedulingOutput(input.clientId(), input.trainerId(), input.zone().getId(),
                input.from().toString(), input.to().toString(), input.sessionMinutes(), suggestions,
                plan.hours.source().code(), blocks(plan.hours), plan.understood, plan.notUnderstood,
                new SchedulingOutput.ShowRates(round(plan.rates.clientRate()), round(plan.rates.gymRate()),
                        plan.rates.clientCounted(), plan.rates.gymCounted()),
                notes, input.fromCrm(), input.sources(), ENGINE);
    }

    /**
     * Lays out the input's {@code week} with Timefold: its requests placed, its movable sessions improved, its
     * conflicts listed with the moves that fix them. No suggestions; the list the main backend reads is the
     * assignments (see {@code SchedulingAgent.legacyResults}).
     */
    public SchedulingOutput optimiseWeek(SchedulingInput input) {
        Plan plan = plan(input);
        ShowRates gym = new ShowRates(List.of(), input.gymHistory(), input.zone(), input.now());
        SchedulingOutput.WeekPlan week = new WeekOptimiser().optimise(input, plan.rates, gym);
        List<String> notes = new ArrayList<>();
        if (!week.unassigned().isEmpty()) {
            notes.add(week.unassigned().size() + " requested sessions found no place this week.");
        }
        return new SchedulingOutput(input.clientId(), input.trainerId(), input.zone().getId(),
                input.week().toString(), input.week().plusDays(6).toString(), input.sessionMinutes(), List.of(),
                plan.hours.source().code(), blocks(plan.hours), plan.understood, plan.notUnderstood,
                new SchedulingOutput.ShowRates(round(plan.rates.clientRate()), round(plan.rates.gymRate()),
                        plan.rates.clientCounted(), plan.rates.gymCounted()),
                notes, input.fromCrm(), input.sources(), ENGINE, week);
    }

    /**
     * Every hard rule a week's assignments break, judged afresh: each against the fixed calendar (with the others
     * as extra sessions), and the objective's {@code hard_violations}.
     */
    public List<String> weekViolations(SchedulingInput input, SchedulingOutput.WeekPlan week) {
        List<String> broken = new ArrayList<>();
        if (week == null) {
            broken.add("A week optimisation must answer with its week.");
            return broken;
        }
        if (week.objective() == null || week.objective().hardViolations() != 0) {
            broken.add("objective.hard_violations must be 0.");
        }
        List<SchedulingInput.Booking> fixed = input.existingSessions().stream()
                .filter(b -> !inWeek(input, b) || b.pinned(input.now())).toList();
        SchedulingInput weekInput = new SchedulingInput(null, input.trainerId(), input.zone(), input.now(),
                input.week(), input.week().plusDays(6), input.sessionMinutes(), input.count(),
                input.bufferMinutes(), input.maxSessionsPerDay(), null, input.availability(), fixed,
                input.trainerHistory(), List.of(), List.of(), List.of(), List.of(), List.of(), input.sources());
        Calendar calendar = new Calendar(weekInput, WorkingHours.of(input.availability().isEmpty()
                ? new SchedulingInput(null, null, input.zone(), input.now(), input.week(), input.week().plusDays(6),
                60, 1, 0, null, null, List.of(), input.existingSessions(), input.trainerHistory(), List.of(),
                List.of(), List.of(), List.of(), List.of(), java.util.Map.of()) : weekInput));
        List<SchedulingInput.Booking> placed = new ArrayList<>();
        for (SchedulingOutput.Assignment a : week.assignments()) {
            placed.add(new SchedulingInput.Booking(OffsetDateTime.parse(a.start()).toInstant(),
                    OffsetDateTime.parse(a.end()).toInstant(), a.clientId(), SchedulingInput.Status.SCHEDULED));
        }
        for (int i = 0; i < placed.size(); i++) {
            SchedulingInput.Booking b = placed.get(i);
            List<SchedulingInput.Booking> others = new ArrayList<>(placed);
            others.remove(i);
            long client = b.clientId();
            List<SchedulingInput.Booking> sameClient = new ArrayList<>(others.stream()
                    .filter(o -> o.clientId() == client).toList());
            fixed.stream().filter(f -> f.blocks() && f.clientId() != null && f.clientId() == client)
                    .forEach(sameClient::add);
            Integer hours = input.requests().stream().filter(r -> r.clientId() == client)
                    .map(SchedulingInput.Request::minHoursBetween).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            String why = calendar.breaks(b.start(), b.end(), others, hours == null ? List.of() : sameClient, hours);
            if (why == null && hours == null && sameClient.stream().anyMatch(o -> calendar.date(o.start())
                    .equals(calendar.date(b.start())) && !o.start().equals(b.start()))) {
                why = "is on the same day as another session of the client";
            }
            if (why != null) {
                broken.add("The assignment " + week.assignments().get(i).start() + " " + why + ".");
            }
        }
        return broken;
    }

    private static boolean inWeek(SchedulingInput input, SchedulingInput.Booking b) {
        var date = b.start().atZone(input.zone()).toLocalDate();
        return b.blocks() && !date.isBefore(input.week()) && !date.isAfter(input.week().plusDays(6));
    }

    /** Every free slot of the horizon, best first, unspread (for tests of the ranking). */
    List<Suggestion> rankAll(SchedulingInput input) {
        Plan plan = plan(input);
        return suggestions(plan, candidates(input, plan));
    }

    private static List<Suggestion> suggestions(Plan plan, List<SlotScorer.Scored> chosen) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            SlotScorer.Scored s = chosen.get(i);
            suggestions.add(new Suggestion(s.start().toOffsetDateTime().toString(),
                    s.end().toOffsetDateTime().toString(), round(s.score()), round(s.show().probability()), i + 1,
                    plan.scorer.sentence(s), plan.scorer.reasons(s, plan.hours.source())));
        }
        return suggestions;
    }

    private static List<SlotScorer.Scored> candidates(SchedulingInput input, Plan plan) {
        List<SlotScorer.Scored> candidates = new ArrayList<>();
        int minutes = input.sessionMinutes();
        for (ZonedDateTime start : plan.calendar.gridStarts(minutes)) {
            ZonedDateTime end = start.plusMinutes(minutes);
            if (plan.calendar.breaks(start.toInstant(), end.toInstant(), List.of(), List.of(),
                    input.minHoursBetween()) == null) {
                candidates.add(plan.scorer.score(start, end, List.of()));
            }
        }
        candidates.sort(Comparator.comparingDouble(SlotScorer.Scored::score).reversed()
                .thenComparing(SlotScorer.Scored::start));
        return candidates;
    }

    /**
     * Every hard rule the answer's suggestions break, as a sentence each (empty when none), judged afresh from the
     * input: the checks the run applies to the rules' answer and to any LLM answer.
     */
    public List<String> violations(SchedulingInput input, List<Suggestion> suggestions) {
        Plan plan = plan(input);
        List<String> broken = new ArrayList<>();
        for (Suggestion s : suggestions) {
            try {
                var start = OffsetDateTime.parse(s.start()).toInstant();
                var end = OffsetDateTime.parse(s.end()).toInstant();
                if (Duration.between(start, end).toMinutes() != input.sessionMinutes()) {
                    broken.add("The slot " + s.start() + " does not last " + input.sessionMinutes() + " minutes.");
                }
                String why = plan.calendar.breaks(start, end, List.of(), List.of(), input.minHoursBetween());
                if (why != null) {
                    broken.add("The slot " + s.start() + " " + why + ".");
                }
            } catch (DateTimeParseException e) {
                broken.add("The slot " + s.start() + "–" + s.end() + " is not an ISO date-time with an offset.");
            }
        }
        return broken;
    }

    /** The best first, at most one per day; then, if still short, more on days already used, 2 h apart. */
    private static List<SlotScorer.Scored> pick(List<SlotScorer.Scored> ranked, int count) {
        List<SlotScorer.Scored> chosen = new ArrayList<>();
        Set<java.time.LocalDate> days = new LinkedHashSet<>();
        for (SlotScorer.Scored s : ranked) {
            if (chosen.size() < count && days.add(s.start().toLocalDate())) {
                chosen.add(s);
            }
        }
        for (SlotScorer.Scored s : ranked) {
            if (chosen.size() >= count) {
                break;
            }
            boolean apart = chosen.stream().allMatch(c -> !c.start().toLocalDate().equals(s.start().toLocalDate())
                    || Duration.between(c.start(), s.start()).abs().compareTo(SPREAD) >= 0);
            if (apart && !chosen.contains(s)) {
                chosen.add(s);
            }
        }
        chosen.sort(Comparator.comparingDouble(SlotScorer.Scored::score).reversed()
                .thenComparing(SlotScorer.Scored::start));
        return chosen;
    }

    /** What every answer is computed from: hours, calendar, preferences read, rates, scorer. */
    private record Plan(WorkingHours hours, Calendar calendar, ShowRates rates, SlotScorer scorer,
                        List<String> understood, List<String> notUnderstood) {
    }

    private Plan plan(SchedulingInput input) {
        WorkingHours hours = WorkingHours.of(input);
        Calendar calendar = new Calendar(input, hours);
        List<Preference> preferences = new ArrayList<>();
        List<String> understood = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (Window window : input.preferredWindows()) {
            Set<DayOfWeek> days = window.weekday() == null ? Set.of() : EnumSet.of(window.weekday());
            String text = (window.weekday() == null ? "any day" : window.weekday().toString()
                    .substring(0, 3).toLowerCase(Locale.ROOT)) + " " + window.start() + "–" + window.end();
            Preference preference = new Preference(text, days, window.start(), window.end(), null, false,
                    "windows");
            preferences.add(preference);
            understood.add(preference.described());
        }
        for (String phrase : input.preferredTimes()) {
            PreferenceParser.Parsed parsed = parser.parse(phrase);
            preferences.addAll(parsed.preferences());
            parsed.preferences().forEach(p -> understood.add(p.described()));
            if (!parsed.unread().isEmpty()) {
                notUnderstood.add(parsed.preferences().isEmpty() ? phrase
                        : phrase + " (not read: " + String.join(" ", parsed.unread()) + ")");
            }
        }
        ShowRates rates = new ShowRates(input.clientHistory(), input.gymHistory(), input.zone(), input.now());
        return new Plan(hours, calendar, rates, new SlotScorer(calendar, preferences, rates), understood,
                notUnderstood);
    }

    private static List<Block> blocks(WorkingHours hours) {
        return hours.blocks().stream().sorted(Comparator
                        .comparing((Availability b) -> b.date() == null ? b.weekday().getValue() : 8)
                        .thenComparing(b -> b.date() == null ? "" : b.date().toString())
                        .thenComparing(Availability::start))
                .map(b -> new Block(b.weekday() == null ? null
                        : b.weekday().toString().substring(0, 3).toLowerCase(Locale.ROOT),
                        b.date() == null ? null : b.date().toString(), b.start().toString(),
                        b.end().equals(java.time.LocalTime.MAX) ? "24:00" : b.end().toString()))
                .toList();
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
