package com.fitnesscrm.orchestrator.scheduling;

import com.fitnesscrm.orchestrator.scheduling.engine.SchedulingEngine;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules every Scheduling Intelligence answer must pass, the engine's and the LLM's alike: each slot breaks no
 * hard rule (judged afresh from the input), and the slots, scores, probabilities and priorities are the engine's,
 * in its order. Only {@code suggestion} (one sentence, naming no time but its slot's) and {@code reasons} may differ;
 * an answer that moves, drops or invents a slot is thrown out.
 */
final class SchedulingCheck {

    private static final Set<String> ENGINES = Set.of("rules", "llm", "llm_repaired", "cache");
    private static final Pattern CLOCK = Pattern.compile("\\b([01]?\\d|2[0-4])[:.]([0-5]\\d)\\b");

    private final SchedulingEngine engine;

    SchedulingCheck(SchedulingEngine engine) {
        this.engine = engine;
    }

    List<String> check(SchedulingInput input, SchedulingOutput output) {
        List<String> violations = new ArrayList<>();
        List<Suggestion> given = output.suggestions() == null ? List.of() : output.suggestions();
        violations.addAll(engine.violations(input, given));
        SchedulingOutput expected = engine.suggest(input);
        List<Suggestion> slots = expected.suggestions();
        if (given.size() != slots.size()) {
            violations.add("The answer has " + given.size() + " suggestions; the engine found " + slots.size()
                    + ": keep every slot, add none.");
        }
        for (int i = 0; i < Math.min(given.size(), slots.size()); i++) {
            Suggestion mine = slots.get(i);
            Suggestion theirs = given.get(i);
            String at = "suggestions[" + i + "]";
            if (!sameInstant(mine.start(), theirs.start()) || !sameInstant(mine.end(), theirs.end())) {
                violations.add(at + " was moved to " + theirs.start() + "–" + theirs.end() + "; the slot is "
                        + mine.start() + "–" + mine.end() + ".");
            }
            if (mine.score() != theirs.score() || mine.showProbability() != theirs.showProbability()
                    || mine.priority() != theirs.priority()) {
                violations.add(at + " changed score, show_probability or priority; keep the engine's "
                        + mine.score() + ", " + mine.showProbability() + ", " + mine.priority() + ".");
            }
            violations.addAll(words(at, theirs, mine));
        }
        same(violations, "client_id", expected.clientId(), output.clientId());
        same(violations, "trainer_id", expected.trainerId(), output.trainerId());
        same(violations, "timezone", expected.timezone(), output.timezone());
        same(violations, "horizon_from", expected.horizonFrom(), output.horizonFrom());
        same(violations, "horizon_to", expected.horizonTo(), output.horizonTo());
        same(violations, "session_minutes", expected.sessionMinutes(), output.sessionMinutes());
        same(violations, "availability_source", expected.availabilitySource(), output.availabilitySource());
        same(violations, "availability", expected.availability(), output.availability());
        same(violations, "show_rates", expected.showRates(), output.showRates());
        same(violations, "from_crm", expected.fromCrm(), output.fromCrm());
        if (output.engine() == null || !ENGINES.contains(output.engine())) {
            violations.add("engine must be one of " + ENGINES + ", not " + output.engine());
        }
        return violations;
    }

    /**
     * A week's answer: no assignment breaks a hard rule (judged afresh), and, when the rules' plan of this input is
     * known, everything but the assignments' {@code reasons} is that plan's.
     */
    List<String> checkWeek(SchedulingInput input, SchedulingOutput output, SchedulingOutput rules) {
        List<String> violations = new ArrayList<>(engine.weekViolations(input, output.week()));
        if (rules != null && output.week() != null) {
            var mine = rules.week();
            var theirs = output.week();
            if (theirs.assignments().size() != mine.assignments().size()) {
                violations.add("The answer has " + theirs.assignments().size() + " assignments; the optimiser made "
                        + mine.assignments().size() + ": keep every one, add none.");
            }
            for (int i = 0; i < Math.min(theirs.assignments().size(), mine.assignments().size()); i++) {
                var a = mine.assignments().get(i);
                var b = theirs.assignments().get(i);
                if (a.clientId() != b.clientId() || !sameInstant(a.start(), b.start()) || !sameInstant(a.end(), b.end())
                        || a.score() != b.score() || !Objects.equals(a.movedFrom(), b.movedFrom())) {
                    violations.add("assignments[" + i + "] was changed; it is client " + a.clientId() + " at "
                            + a.start() + "–" + a.end() + ".");
                }
            }
            same(violations, "week.unassigned", mine.unassigned(), theirs.unassigned());
            same(violations, "week.conflicts", mine.conflicts(), theirs.conflicts());
            same(violations, "week.objective", mine.objective(), theirs.objective());
            same(violations, "suggestions", rules.suggestions(), output.suggestions());
        }
        if (output.engine() == null || !ENGINES.contains(output.engine())) {
            violations.add("engine must be one of " + ENGINES + ", not " + output.engine());
        }
        return violations;
    }

    /** One sentence naming no clock time but the slot's own; reasons present and not blank. */
    private static List<String> words(String at, Suggestion theirs, Suggestion slot) {
        List<String> violations = new ArrayList<>();
        String sentence = theirs.suggestion();
        if (sentence == null || sentence.isBlank() || sentence.length() > 300) {
            violations.add(at + ".suggestion must be one sentence of at most 300 characters.");
            return violations;
        }
        if (sentence.strip().replaceAll("[.!]+$", "").matches(".*[.!?]\\s+\\p{Lu}.*")) {
            violations.add(at + ".suggestion must be one sentence.");
        }
        Set<String> times = new HashSet<>(List.of(clock(slot.start()), clock(slot.end())));
        Matcher clock = CLOCK.matcher(sentence);
        while (clock.find()) {
            String time = "%02d:%s".formatted(Integer.parseInt(clock.group(1)), clock.group(2));
            if (!times.contains(time)) {
                violations.add(at + ".suggestion names " + clock.group() + ", which is not its slot ("
                        + clock(slot.start()) + "–" + clock(slot.end()) + ").");
            }
        }
        if (theirs.reasons().isEmpty() || theirs.reasons().stream().anyMatch(r -> r == null || r.isBlank())) {
            violations.add(at + ".reasons must list the reasons, none blank.");
        }
        return violations;
    }

    private static String clock(String isoDateTime) {
        return OffsetDateTime.parse(isoDateTime).toLocalTime().toString().substring(0, 5);
    }

    private static boolean sameInstant(String a, String b) {
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void same(List<String> violations, String field, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            violations.add(field + " must stay as the engine gave it.");
        }
    }
}
