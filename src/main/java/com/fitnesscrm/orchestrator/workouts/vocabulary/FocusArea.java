package com.fitnesscrm.orchestrator.workouts.vocabulary;

import com.fitnesscrm.orchestrator.base.JsonCoded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan may focus on, as the main backend's {@code focus_areas} names it: muscles and body regions (more weekly
 * sets for their muscles, within MRV), movement patterns (the muscles they train), and kinds of training
 * ({@link #CARDIO} adds conditioning, {@link #FLEXIBILITY} mobility work, {@link #STRENGTH} heavier main lifts).
 * {@link #words} reads the free text the main backend sends: synonyms, case, blanks, underscores and hyphens.
 * Decision note 0015 says why each maps as it does.
 */
public enum FocusArea implements JsonCoded {
    CHEST(Set.of(Muscle.CHEST), "chest", "pecs", "pectorals", "pec"),
    BACK(Set.of(Muscle.BACK), "back", "lats", "lat", "upper back"),
    SHOULDERS(Set.of(Muscle.SIDE_DELTS, Muscle.REAR_DELTS), "shoulders", "shoulder", "delts", "deltoids"),
    ARMS(Set.of(Muscle.BICEPS, Muscle.TRICEPS), "arms", "arm"),
    BICEPS(Set.of(Muscle.BICEPS), "biceps", "bicep"),
    TRICEPS(Set.of(Muscle.TRICEPS), "triceps", "tricep"),
    LEGS(Set.of(Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.CALVES), "legs", "leg"),
    QUADS(Set.of(Muscle.QUADS), "quads", "quad", "quadriceps", "thighs", "thigh"),
    HAMSTRINGS(Set.of(Muscle.HAMSTRINGS), "hamstrings", "hamstring", "hams"),
    GLUTES(Set.of(Muscle.GLUTES), "glutes", "glute", "butt", "booty", "bum"),
    CALVES(Set.of(Muscle.CALVES), "calves", "calf"),
    CORE(Set.of(Muscle.ABS), "core", "abs", "ab", "abdominals", "abdomen", "stomach", "obliques", "midsection",
            "six pack"),
    UPPER_BODY(Set.of(Muscle.CHEST, Muscle.BACK, Muscle.SIDE_DELTS, Muscle.REAR_DELTS, Muscle.BICEPS,
            Muscle.TRICEPS), "upper body", "upper"),
    LOWER_BODY(Set.of(Muscle.QUADS, Muscle.HAMSTRINGS, Muscle.GLUTES, Muscle.CALVES), "lower body", "lower"),
    FULL_BODY(Set.of(), "full body", "whole body", "total body", "overall"),
    PUSH(Set.of(Muscle.CHEST, Muscle.TRICEPS), "push", "pushing", "press", "pressing"),
    PULL(Set.of(Muscle.BACK, Muscle.BICEPS, Muscle.REAR_DELTS), "pull", "pulling", "rows", "pull ups"),
    SQUAT(Set.of(Muscle.QUADS, Muscle.GLUTES), "squat", "squats", "squatting"),
    HINGE(Set.of(Muscle.HAMSTRINGS, Muscle.GLUTES), "hinge", "hip hinge", "deadlift", "deadlifts",
            "posterior chain"),
    SIDE_DELTS(Set.of(Muscle.SIDE_DELTS), "side delts", "lateral delts"),
    REAR_DELTS(Set.of(Muscle.REAR_DELTS), "rear delts", "posterior delts"),
    FRONT_DELTS(Set.of(Muscle.FRONT_DELTS), "front delts", "anterior delts"),
    CARDIO(Set.of(), "cardio", "conditioning", "endurance", "stamina", "aerobic", "cardiovascular", "hiit",
            "fitness conditioning"),
    STRENGTH(Set.of(), "strength", "strong", "stronger", "power", "max strength"),
    FLEXIBILITY(Set.of(), "flexibility", "mobility", "flexible", "stretching", "stretch", "range of motion");

    /** Words that add nothing to an area: "leg day", "core work", "arm training" name the leg, core, arm focus. */
    private static final Set<String> FILLERS = Set.of("training", "train", "work", "workout", "workouts", "day",
            "days", "focus", "exercises", "exercise", "muscles", "the", "my", "more", "and", "&", "plus", "with",
            "development", "area", "areas", "emphasis", "improve", "improved", "better", "increase", "increased",
            "build", "building", "body");

    private static final Map<String, FocusArea> PHRASES = new HashMap<>();

    static {
        for (FocusArea area : values()) {
            PHRASES.put(area.code().replace('_', ' '), area);
            for (String synonym : area.synonyms) {
                PHRASES.put(synonym, area);
            }
        }
    }

    private final Set<Muscle> muscles;
    private final List<String> synonyms;

    FocusArea(Set<Muscle> muscles, String... synonyms) {
        this.muscles = muscles;
        this.synonyms = List.of(synonyms);
    }

    /** The muscles that get more weekly sets for this focus; empty for a kind of training or the full body. */
    public Set<Muscle> muscles() {
        return muscles;
    }

    /** The area with this code or one of its words, case, blanks, {@code _} and {@code -} ignored. */
    public static Optional<FocusArea> find(String text) {
        return Optional.ofNullable(text).map(FocusArea::normalise).map(PHRASES::get);
    }

    /**
     * The areas a phrase names, e.g. "Upper body strength" → upper body and strength, "leg day" → legs; empty when
     * any word of it is not an area (so "banana legs" is unknown as a whole, not legs).
     */
    public static List<FocusArea> words(String text) {
        Optional<FocusArea> whole = find(text);
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        String[] words = normalise(text).split(" ");
        List<FocusArea> found = new ArrayList<>();
        int index = 0;
        while (index < words.length) {
            int matched = 0;
            // the longest phrase first: "hip hinge" before "hinge", "upper body" before "upper"
            for (int length = Math.min(3, words.length - index); length > 0 && matched == 0; length--) {
                FocusArea area = PHRASES.get(String.join(" ", Arrays.copyOfRange(words, index,
                        index + length)));
                if (area != null) {
                    if (!found.contains(area)) {
                        found.add(area);
                    }
                    matched = length;
                }
            }
            if (matched == 0) {
                if (!FILLERS.contains(words[index])) {
                    return List.of();
                }
                matched = 1;
            }
            index += matched;
        }
        return found;
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("[^\\p{L}\\p{N}& ]", " ")
                .strip().replaceAll("\\s+", " ");
    }
}
