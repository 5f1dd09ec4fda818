package com.fitnesscrm.orchestrator.workouts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.workouts.engine.ExerciseCatalogue;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Contraindication;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Equipment;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FitnessLevel;
import com.fitnesscrm.orchestrator.workouts.vocabulary.FocusArea;
import com.fitnesscrm.orchestrator.workouts.vocabulary.Goal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a plan request from JSON: the agent's own field names, or the main backend's older ones ({@code goals},
 * {@code focus_areas}, {@code available_equipment}, {@code sessions_per_week}, {@code time_per_session},
 * {@code duration_weeks}), each field with a default. Free-text goals map onto {@link Goal}; an unknown value of a
 * field with fixed values, or a number out of range, is refused naming the field and what it allows.
 */
public final class WorkoutInputReader {

    public static final Goal DEFAULT_GOAL = Goal.GENERAL_FITNESS;
    public static final FitnessLevel DEFAULT_LEVEL = FitnessLevel.BEGINNER;
    public static final int DEFAULT_DAYS = 3;
    public static final int DEFAULT_MINUTES = 60;
    public static final int DEFAULT_WEEKS = 4;
    /** A commercial gym has everything. */
    public static final Set<Equipment> DEFAULT_EQUIPMENT = EnumSet.allOf(Equipment.class);

    /** At most this many focus areas, each at most this long: a list, not a document. */
    public static final int MAX_FOCUS_AREAS = 20;
    public static final int MAX_FOCUS_AREA_LENGTH = 60;
    /** Between focus areas in one text: "chest, legs", "push/pull", "core + cardio", "arms and shoulders". */
    private static final Pattern FOCUS_SEPARATORS = Pattern.compile("[,;/+&|]|\\band\\b",
            Pattern.CASE_INSENSITIVE);

    /** Words in free text and the goal they mean, first match wins (so "lose fat, build muscle" is fat loss). */
    private static final Map<String, Goal> GOAL_WORDS = new LinkedHashMap<>();

    static {
        for (String word : List.of("lose weight", "weight loss", "lose fat", "fat loss", "fat", "slim", "lean",
                "cut", "tone", "burn")) {
            GOAL_WORDS.put(word, Goal.FAT_LOSS);
        }
        for (String word : List.of("build muscle", "muscle", "hypertrophy", "mass", "bulk", "size", "bodybuilding",
                "gain")) {
            GOAL_WORDS.put(word, Goal.HYPERTROPHY);
        }
        for (String word : List.of("strength", "strong", "power", "1rm", "max")) {
            GOAL_WORDS.put(word, Goal.STRENGTH);
        }
        for (String word : List.of("cardio", "endurance", "stamina", "run", "marathon", "conditioning", "aerobic")) {
            GOAL_WORDS.put(word, Goal.ENDURANCE);
        }
        for (String word : List.of("general", "fitness", "health", "wellness", "mobility", "maintain", "active")) {
            GOAL_WORDS.put(word, Goal.GENERAL_FITNESS);
        }
    }

    private WorkoutInputReader() {
    }

    /** @throws InvalidInputException naming the field at fault and what it allows */
    public static WorkoutRequest read(JsonNode input) {
        return read(input, null);
    }

    /**
     * Reads the request and, when its {@code client_id} is a client of the CRM, takes what it leaves open from the
     * client's row: the goal from {@code clients.goals} when the request names none, and the contraindications found
     * in {@code clients.medical_conditions} added to the request's own. The plan's {@code from_crm} says what.
     *
     * @param crm the CRM's client of an id, or {@code null}: no CRM
     */
    public static WorkoutRequest read(JsonNode input,
                                      java.util.function.LongFunction<Optional<com.fitnesscrm.orchestrator.crm.CrmClient>> crm) {
        if (input == null || input.isNull() || input.isMissingNode()) {
            return defaults(null);
        }
        if (!input.isObject()) {
            throw new InvalidInputException("", "The input must be a JSON object.");
        }
        String clientId = clientId(input);
        Focus focus = focus(input);
        Optional<Goal> asked = goal(input);
        Set<Contraindication> contraindications = enumSet(input, "contraindications", null,
                Contraindication.class, EnumSet.noneOf(Contraindication.class));
        // A goal phrase among the focus areas is a guess: the CRM's recorded goal, read below, comes before it.
        Goal goal = asked.or(() -> goalAmongFocusAreas(input)).orElse(DEFAULT_GOAL);
        CrmDefaults fromCrm = null;
        boolean useCrm = crmDefaults(input);
        Optional<com.fitnesscrm.orchestrator.crm.CrmClient> client = crm == null || clientId == null
                || !useCrm || !clientId.strip().matches("\\d{1,18}") ? Optional.empty()
                : crm.apply(Long.parseLong(clientId.strip()));
        if (client.isPresent()) {
            Goal crmGoal = null;
            String goalText = client.get().goals();
            if (asked.isEmpty() && goalText != null && !goalText.isBlank()) {
                crmGoal = goalOfText(goalText).orElse(null);
            }
            var proposed = MedicalConditions.propose(client.get().medicalConditions());
            if (crmGoal != null || !proposed.isEmpty()) {
                goal = crmGoal == null ? goal : crmGoal;
                proposed.forEach(p -> contraindications.add(p.contraindication()));
                fromCrm = new CrmDefaults(crmGoal, crmGoal == null ? null : goalText.strip(), proposed);
            }
        }
        return new WorkoutRequest(clientId, goal,
                enumValue(input, "fitness_level", FitnessLevel.class).orElse(DEFAULT_LEVEL),
                equipment(input), number(input, "days_per_week", "sessions_per_week", 1, 7, DEFAULT_DAYS),
                number(input, "minutes_per_session", "time_per_session", 15, 180, DEFAULT_MINUTES),
                number(input, "weeks", "duration_weeks", 1, 16, DEFAULT_WEEKS), contraindications, history(input),
                fromCrm, focus.areas(), focus.unknown());
    }

    /** What {@code focus_areas} names: areas, and the texts that name neither an area nor a goal. */
    record Focus(List<FocusArea> areas, List<String> unknown) {
    }

    /**
     * Reads {@code focus_areas}: a list of texts or one text, each of which may hold several areas separated by
     * commas, semicolons, slashes, "+" or "and" ("chest, legs", "push/pull"). A text naming a goal ("build muscle")
     * sets the goal as before and is not unknown. Unknown texts are kept to be listed in the plan; when every text is
     * unknown the request is refused naming the field, as the caller's focus would otherwise be lost entirely.
     */
    static Focus focus(JsonNode input) {
        JsonNode node = input.get("focus_areas");
        String field = "focus_areas";
        List<String> parts = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        if (node != null && node.isArray() && node.size() > MAX_FOCUS_AREAS) {
            throw new InvalidInputException(field, "'focus_areas' may hold at most " + MAX_FOCUS_AREAS
                    + " entries; it has " + node.size() + ".");
        }
        List<String> texts = texts(input, field);
        for (int i = 0; i < texts.size(); i++) {
            String path = node != null && node.isArray() ? field + "[" + i + "]" : field;
            for (String part : FOCUS_SEPARATORS.split(texts.get(i))) {
                if (part.isBlank()) {
                    continue;
                }
                if (part.strip().length() > MAX_FOCUS_AREA_LENGTH) {
                    throw new InvalidInputException(path, "'" + path + "' must name focus areas of at most "
                            + MAX_FOCUS_AREA_LENGTH + " characters each, e.g. \"chest\", \"legs\", \"cardio\".");
                }
                parts.add(part.strip());
                paths.add(path);
            }
        }
        if (parts.size() > MAX_FOCUS_AREAS) {
            throw new InvalidInputException(field, "'focus_areas' may name at most " + MAX_FOCUS_AREAS
                    + " focus areas; it names " + parts.size() + ".");
        }
        List<FocusArea> areas = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : parts) {
            List<FocusArea> named = FocusArea.words(part);
            if (!named.isEmpty()) {
                named.stream().filter(area -> !areas.contains(area)).forEach(areas::add);
            } else if (goalOfText(part).isEmpty() && !unknown.contains(part)) {
                unknown.add(part);
            }
        }
        if (!parts.isEmpty() && unknown.size() == parts.size()) {
            throw new InvalidInputException(field, "No focus area in 'focus_areas' is known: " + String.join(", ",
                    unknown) + ". Name muscles, body regions, movement patterns or kinds of training, e.g. "
                    + Coded.codes(FocusArea.class) + " (or leave it out).");
        }
        return new Focus(areas, unknown);
    }

    /**
     * {@code crm_defaults} (default true): false when the caller already decided what the CRM would add, as the
     * Workout planner does once the trainer confirmed or left out the proposed contraindications.
     */
    private static boolean crmDefaults(JsonNode input) {
        JsonNode flag = input.get("crm_defaults");
        if (flag == null || flag.isNull()) {
            return true;
        }
        if (!flag.isBoolean()) {
            throw new InvalidInputException("crm_defaults", "'crm_defaults' must be true or false.");
        }
        return flag.booleanValue();
    }

    /** Everything at its default, for a client. */
    public static WorkoutRequest defaults(String clientId) {
        return new WorkoutRequest(clientId, DEFAULT_GOAL, DEFAULT_LEVEL, DEFAULT_EQUIPMENT, DEFAULT_DAYS,
                DEFAULT_MINUTES, DEFAULT_WEEKS, Set.of(), List.of());
    }

    /** The goal a free text means, or empty when no word of it is known. */
    public static Optional<Goal> goalOfText(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('_', ' ');
        Optional<Goal> exact = Coded.find(Goal.class, text);
        if (exact.isPresent()) {
            return exact;
        }
        return GOAL_WORDS.entrySet().stream().filter(entry -> mentions(lower, entry.getKey()))
                .map(Map.Entry::getValue).findFirst();
    }

    /** Whole words only, with common endings: "running" and "healthy" mention "run" and "health", "crunches" not. */
    private static boolean mentions(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "(s|es|y|ing|ning|ed|er|ers)?\\b").matcher(text).find();
    }

    private static String clientId(JsonNode input) {
        JsonNode node = input.get("client_id");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!(node.isIntegralNumber() || node.isTextual()) || node.asText().isBlank() || node.asText().length() > 100) {
            throw new InvalidInputException("client_id", "'client_id' must be the client's id, a number or a text "
                    + "of up to 100 characters.");
        }
        return node.asText();
    }

    /** The goal the request names, explicitly or in its {@code goals} text (recommendations); empty: none. */
    private static Optional<Goal> goal(JsonNode input) {
        Optional<Goal> goal = enumValue(input, "goal", Goal.class);
        if (goal.isPresent()) {
            return goal;
        }
        for (String text : texts(input, "goals")) {
            Optional<Goal> mapped = goalOfText(text);
            if (mapped.isPresent()) {
                return mapped;
            }
        }
        return Optional.empty();
    }

    /**
     * A goal named among the focus areas ("build muscle"). Entries that are focus areas ("cardio", "strength",
     * "mobility") say where to put the work, not what the plan is for, so they never change the goal.
     */
    private static Optional<Goal> goalAmongFocusAreas(JsonNode input) {
        for (String text : texts(input, "focus_areas")) {
            for (String part : FOCUS_SEPARATORS.split(text)) {
                if (!part.isBlank() && FocusArea.words(part).isEmpty()) {
                    Optional<Goal> mapped = goalOfText(part);
                    if (mapped.isPresent()) {
                        return mapped;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> texts(JsonNode input, String field) {
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field, "'" + field + "' must be a list of texts, e.g. [\"lose weight\"].");
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                throw new InvalidInputException(field + "[" + i + "]", "'" + field + "[" + i + "]' must be a text.");
            }
            texts.add(node.get(i).asText());
        }
        return texts;
    }

    private static Set<Equipment> equipment(JsonNode input) {
        Set<Equipment> equipment = enumSet(input, "equipment", "available_equipment", Equipment.class,
                EnumSet.copyOf(DEFAULT_EQUIPMENT));
        equipment.add(Equipment.BODYWEIGHT);
        return equipment;
    }

    private static <E extends Enum<E> & Coded> Optional<E> enumValue(JsonNode input, String field, Class<E> type) {
        String allowed = Coded.codes(type);
        JsonNode node = input.get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new InvalidInputException(field, "'" + field + "' must be one of: " + allowed + ".");
        }
        return Optional.of(Coded.find(type, node.asText()).orElseThrow(() -> new InvalidInputException(field,
                "Unknown " + field + " '" + node.asText() + "'; allowed: " + allowed + ".")));
    }

    private static <E extends Enum<E> & Coded> Set<E> enumSet(JsonNode input, String field, String olderName,
                                                              Class<E> type, Set<E> fallback) {
        String allowed = Coded.codes(type);
        String name = input.has(field) || olderName == null || !input.has(olderName) ? field : olderName;
        JsonNode node = input.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(name, "'" + name + "' must be a list of: " + allowed + ".");
        }
        Set<E> values = new java.util.HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String path = name + "[" + i + "]";
            if (!item.isTextual()) {
                throw new InvalidInputException(path, "'" + path + "' must be one of: " + allowed + ".");
            }
            values.add(Coded.find(type, item.asText()).orElseThrow(() -> new InvalidInputException(path,
                    "Unknown " + name + " '" + item.asText() + "'; allowed: " + allowed + ".")));
        }
        return values.isEmpty() ? new java.util.HashSet<>() : EnumSet.copyOf(values);
    }

    private static int number(JsonNode input, String field, String olderName, int min, int max, int fallback) {
        String name = input.has(field) || !input.has(olderName) ? field : olderName;
        JsonNode node = input.get(name);
        if (node == null || node.isNull()) {
            return fallback;
        }
        String message = "'" + name + "' must be a whole number from " + min + " to " + max + ".";
        long value;
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            value = node.asLong();
        } else if (node.isNumber() && node.asDouble() == Math.rint(node.asDouble())) {
            value = (long) node.asDouble();
        } else if (node.isTextual() && node.asText().strip().matches("-?\\d{1,9}")) {
            value = Long.parseLong(node.asText().strip());
        } else {
            throw new InvalidInputException(name, message);
        }
        if (value < min || value > max) {
            throw new InvalidInputException(name, message + " It was " + value + ".");
        }
        return (int) value;
    }

    private static List<WorkoutRequest.HistoryEntry> history(JsonNode input) {
        JsonNode node = input.get("history");
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > 500) {
            throw new InvalidInputException("history", "'history' must be a list of at most 500 sets "
                    + "{exercise_id, load, reps, rir}.");
        }
        List<WorkoutRequest.HistoryEntry> entries = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "history[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new InvalidInputException(path, "'" + path + "' must be an object {exercise_id, load, reps, rir}.");
            }
            String exercise = item.path("exercise_id").asText(item.path("exercise").asText(""));
            Exercise known = ExerciseCatalogue.standard().byId(exercise)
                    .or(() -> ExerciseCatalogue.standard().all().stream()
                            .filter(candidate -> candidate.name().equalsIgnoreCase(exercise.strip())).findFirst())
                    .orElseThrow(() -> new InvalidInputException(path + ".exercise_id", "Unknown exercise '"
                            + exercise + "'; use an id or name from the exercise catalogue."));
            double load = decimal(item, path + ".load", 0, 1000);
            int reps = (int) decimal(item, path + ".reps", 1, 100);
            Integer rir = item.hasNonNull("rir") ? (int) decimal(item, path + ".rir", 0, 10) : null;
            entries.add(new WorkoutRequest.HistoryEntry(known.id(), load, reps, rir));
        }
        return entries;
    }

    private static double decimal(JsonNode item, String path, double min, double max) {
        JsonNode value = item.get(path.substring(path.lastIndexOf('.') + 1));
        if (value == null || !value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new InvalidInputException(path, "'" + path + "' must be a number from " + (long) min + " to "
                    + (long) max + ".");
        }
        return value.asDouble();
    }
}
