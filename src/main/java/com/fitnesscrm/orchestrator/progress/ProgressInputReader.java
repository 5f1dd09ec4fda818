package com.fitnesscrm.orchestrator.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fitnesscrm.orchestrator.base.Coded;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.crm.CrmHistory;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.LiftSet;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Session;
import com.fitnesscrm.orchestrator.progress.ProgressInput.SessionStatus;
import com.fitnesscrm.orchestrator.progress.engine.ProgressEngine;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the full input ({@code measurements}, {@code lifts}, {@code sessions}, {@code goals}) and the main
 * backend's {@code {client_id, current_metrics, goal_metrics, historical_data}}, both at once if sent. Pounds and
 * inches are converted when the field says so ({@code weight_lb}, {@code waist_in}). Refuses, naming the field, an
 * impossible or future date, a value outside its {@link PlausibleRange} (saying the range), and a goal on a metric
 * without data.
 */
public final class ProgressInputReader {

    static final double KG_PER_LB = 0.45359237;
    static final double CM_PER_IN = 2.54;
    /** Enough for years of daily data; more is an upload by mistake. */
    static final int MAX_ITEMS = 20_000;

    private ProgressInputReader() {
    }

    public static ProgressInput read(JsonNode json, LocalDate asOf) {
        return read(json, asOf, null);
    }

    /**
     * Reads the input and, when it names a {@code client_id} whose own history is too short for a trend, merges in
     * what the CRM has of that client: the request wins on a day and metric it measured, {@code measurements} beats
     * {@code progress_records} on the same day, and the CRM's sessions fill the days the request sent none for.
     *
     * @param crm the CRM's records of a client id (asked at most once, only when needed), or {@code null}: no CRM
     */
    public static ProgressInput read(JsonNode json, LocalDate asOf, java.util.function.LongFunction<ClientRecords> crm) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("", "The input must be a JSON object.");
        }
        String clientId = json.hasNonNull("client_id") ? json.get("client_id").asText() : null;
        List<Reading> readings = new ArrayList<>();
        readMeasurements(json, "measurements", asOf, readings);
        readMeasurements(json, "historical_data", asOf, readings);
        JsonNode current = json.get("current_metrics");
        List<Reading> undatedCurrent = List.of();
        if (current != null && !current.isNull()) {
            requireObject(current, "current_metrics");
            LocalDate date = current.has("date") ? date(current.get("date"), "current_metrics.date", asOf) : asOf;
            int before = readings.size();
            readMetrics(current, "current_metrics", date, readings);
            if (!current.has("date")) {
                undatedCurrent = List.copyOf(readings.subList(before, readings.size()));
            }
        }
        List<LiftSet> lifts = new ArrayList<>();
        each(json, "lifts", (item, path) -> lifts.add(lift(item, path, asOf)));
        List<Session> sessions = new ArrayList<>();
        each(json, "sessions", (item, path) -> sessions.add(session(item, path)));
        List<Goal> goals = new ArrayList<>();
        List<String> goalPaths = new ArrayList<>();
        each(json, "goals", (item, path) -> {
            goals.add(goal(item, path));
            goalPaths.add(path + ".metric");
        });

        Map<String, Integer> sources = new java.util.LinkedHashMap<>();
        sources.put(ProgressInput.REQUEST, readings.size() + sessions.size());
        List<String> notes = new ArrayList<>();
        ClientRecords records = ClientRecords.NONE;
        Long crmId = crmId(clientId);
        if (crm != null && crmId != null && tooShortForATrend(readings)) {
            records = crm.apply(crmId);
            if (records != null && !records.isEmpty()) {
                merge(readings, sessions, records, asOf, sources);
                dropRestatedCurrent(readings, undatedCurrent, records, asOf, sources);
            } else {
                records = ClientRecords.NONE;
            }
        }

        JsonNode goalMetrics = json.get("goal_metrics");
        if (goalMetrics != null && !goalMetrics.isNull()) {
            requireObject(goalMetrics, "goal_metrics");
            for (Iterator<Map.Entry<String, JsonNode>> it = goalMetrics.fields(); it.hasNext(); ) {
                var field = it.next();
                String path = "goal_metrics." + field.getKey();
                Optional<Unit> unit = unit(field.getKey());
                if (unit.isPresent()) {
                    goals.add(new Goal(unit.get().metric(), plausible(field.getValue(), path, unit.get()), null));
                    goalPaths.add(path);
                    continue;
                }
                String category = field.getKey().strip().toLowerCase(java.util.Locale.ROOT);
                if (!GoalCategories.isCategory(category)) {
                    throw new InvalidInputException(path, "Unknown metric '" + field.getKey() + "'; the metrics are "
                            + metricNames() + ", or a goal category: " + GoalCategories.NAMES + ".");
                }
                GoalCategories.Mapped mapped = GoalCategories.map(category, field.getValue(), path, records.goals(),
                        readings);
                if (mapped.goal() != null) {
                    // The category's target in the metric's own unit, from the request or the CRM's goal.
                    plausible(JsonNodeFactory.instance.numberNode(mapped.goal().target()), path,
                            new Unit(mapped.goal().metric(), 1));
                    goals.add(mapped.goal());
                    goalPaths.add(path);
                }
                if (mapped.note() != null) {
                    notes.add(mapped.note());
                }
            }
        }
        if (goals.isEmpty() && !records.goals().isEmpty()) {
            // The request set no goal: the CRM's own open body goals, where there is data to start from.
            for (GoalCategories.Mapped mapped : GoalCategories.fromCrm(records.goals(), readings)) {
                goals.add(mapped.goal());
                goalPaths.add(null);
                if (mapped.note() != null) {
                    notes.add(mapped.note());
                }
            }
        }
        checkGoalsHaveData(goals, goalPaths, readings);
        return new ProgressInput(clientId, asOf, readings, lifts, sessions, goals, sources, notes);
    }

    /** A client id the CRM can know: its ids are whole numbers. */
    private static Long crmId(String clientId) {
        if (clientId == null || !clientId.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(clientId.strip());
    }

    /** Fewer days or a shorter span than the engine needs to measure a trend. */
    static boolean tooShortForATrend(List<Reading> readings) {
        var days = readings.stream().map(Reading::date).distinct().sorted().toList();
        return days.size() < ProgressEngine.MIN_READINGS
                || days.get(0).until(days.get(days.size() - 1), java.time.temporal.ChronoUnit.DAYS)
                < ProgressEngine.MIN_SPAN_DAYS;
    }

    /**
     * The main backend sends the client's current weight without a date, and it is mostly the CRM's own last reading
     * restated. Where that reading is weeks old, counting the value as a weigh-in today would make a series that
     * ended months ago look current (and its goal "on track"): such a restated value is left out, so the series is
     * judged stale. A value that differs from the CRM's last reading is a new measurement and stays.
     */
    static void dropRestatedCurrent(List<Reading> readings, List<Reading> undatedCurrent, ClientRecords records,
                                    LocalDate asOf, Map<String, Integer> sources) {
        for (Reading today : undatedCurrent) {
            Optional<Reading> last = java.util.stream.Stream.concat(records.measurements().stream(),
                            records.progressRecords().stream())
                    .filter(reading -> reading.metric() == today.metric() && reading.date().isBefore(asOf))
                    .max(java.util.Comparator.comparing(Reading::date));
            boolean restated = last.isPresent() && Math.abs(last.get().value() - today.value()) < 0.05
                    && last.get().date().until(asOf, java.time.temporal.ChronoUnit.DAYS)
                    > ProgressReport.STALE_AFTER_DAYS;
            if (restated && readings.remove(today)) {
                sources.merge(ProgressInput.REQUEST, -1, Integer::sum);
            }
        }
    }

    /**
     * The merge rule: a day and metric the request measured keeps the request's value; {@code measurements} comes
     * before {@code progress_records}; CRM sessions only on days the request sent none for. Readings after
     * {@code asOf} (a typo in the CRM) are left out.
     */
    static void merge(List<Reading> readings, List<Session> sessions, ClientRecords records, LocalDate asOf,
                      Map<String, Integer> sources) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (Reading reading : readings) {
            taken.add(reading.date() + "/" + reading.metric());
        }
        int fromMeasurements = 0;
        for (Reading reading : records.measurements()) {
            if (!reading.date().isAfter(asOf) && taken.add(reading.date() + "/" + reading.metric())) {
                readings.add(reading);
                fromMeasurements++;
            }
        }
        int fromRecords = 0;
        for (Reading reading : records.progressRecords()) {
            if (!reading.date().isAfter(asOf) && taken.add(reading.date() + "/" + reading.metric())) {
                readings.add(reading);
                fromRecords++;
            }
        }
        java.util.Set<LocalDate> sessionDays = new java.util.HashSet<>();
        sessions.forEach(session -> sessionDays.add(session.date()));
        int fromSessions = 0;
        for (Session session : records.sessions()) {
            if (!sessionDays.contains(session.date())) {
                sessions.add(session);
                fromSessions++;
            }
        }
        sources.put(CrmHistory.Source.MEASUREMENTS.code(), fromMeasurements);
        sources.put(CrmHistory.Source.PROGRESS_RECORDS.code(), fromRecords);
        sources.put("sessions", fromSessions);
    }

    private static void readMeasurements(JsonNode json, String field, LocalDate asOf, List<Reading> readings) {
        JsonNode node = json.get(field);
        if (node != null && node.isObject()) {
            // {"2026-01-05": {"weight": 82.1}, ...}
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var entry = it.next();
                String path = field + "." + entry.getKey();
                requireObject(entry.getValue(), path);
                readMetrics(entry.getValue(), path, date(new com.fasterxml.jackson.databind.node.TextNode(
                        entry.getKey()), path, asOf), readings);
            }
            return;
        }
        each(json, field, (item, path) -> {
            requireObject(item, path);
            if (!item.hasNonNull("date")) {
                throw new InvalidInputException(path + ".date", "'" + path + ".date' is required.");
            }
            readMetrics(item, path, date(item.get("date"), path + ".date", asOf), readings);
        });
    }

    private static void readMetrics(JsonNode item, String path, LocalDate date, List<Reading> readings) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            var field = it.next();
            Optional<Unit> unit = unit(field.getKey());
            if (unit.isEmpty() || field.getValue().isNull()) {
                continue; // the main backend sends fields of its own (notes, ids); they are not measurements
            }
            String fieldPath = path + "." + field.getKey();
            double value = plausible(field.getValue(), fieldPath, unit.get());
            readings.add(new Reading(date, unit.get().metric(), value));
        }
    }

    private static LiftSet lift(JsonNode item, String path, LocalDate asOf) {
        requireObject(item, path);
        LocalDate date = date(required(item, "date", path), path + ".date", asOf);
        JsonNode exercise = required(item, "exercise", path);
        if (!exercise.isTextual() || exercise.asText().isBlank()) {
            throw new InvalidInputException(path + ".exercise", "'" + path + ".exercise' must be a name.");
        }
        double load;
        if (item.hasNonNull("load_lb")) {
            load = load(item.get("load_lb"), path + ".load_lb", KG_PER_LB);
        } else {
            load = load(required(item, "load_kg", path), path + ".load_kg", 1);
        }
        JsonNode reps = required(item, "reps", path);
        if (!reps.canConvertToInt() || !reps.isIntegralNumber() || reps.asInt() < 1
                || reps.asInt() > PlausibleRange.MAX_REPS) {
            throw new InvalidInputException(path + ".reps", "'" + path + ".reps' must be a whole number from 1 to "
                    + PlausibleRange.MAX_REPS + ".");
        }
        Integer rir = null;
        if (item.hasNonNull("rir")) {
            JsonNode node = item.get("rir");
            if (!node.isIntegralNumber() || node.asInt() < 0 || node.asInt() > 10) {
                throw new InvalidInputException(path + ".rir", "'" + path + ".rir' must be a whole number 0–10.");
            }
            rir = node.asInt();
        }
        return new LiftSet(date, exercise.asText().strip(), load, reps.asInt(), rir);
    }

    private static Session session(JsonNode item, String path) {
        requireObject(item, path);
        LocalDate date = date(required(item, "date", path), path + ".date", null);
        String status = required(item, "status", path).asText().strip().toLowerCase();
        for (SessionStatus value : SessionStatus.values()) {
            if (value.code().equals(status)) {
                return new Session(date, value);
            }
        }
        throw new InvalidInputException(path + ".status", "'" + path + ".status' must be completed, cancelled, "
                + "no_show or scheduled.");
    }

    private static Goal goal(JsonNode item, String path) {
        requireObject(item, path);
        String name = required(item, "metric", path).asText();
        Unit unit = unit(name).orElseThrow(() -> new InvalidInputException(path + ".metric", "Unknown metric '"
                + name + "'; the metrics are " + metricNames() + "."));
        double target = plausible(required(item, "target", path), path + ".target", unit);
        LocalDate byDate = item.hasNonNull("by_date") ? date(item.get("by_date"), path + ".by_date", null) : null;
        return new Goal(unit.metric(), target, byDate);
    }

    private static void checkGoalsHaveData(List<Goal> goals, List<String> paths, List<Reading> readings) {
        for (int i = 0; i < goals.size(); i++) {
            Metric metric = goals.get(i).metric();
            if (paths.get(i) == null) {
                continue; // the CRM's own goals are chosen with data already
            }
            if (readings.stream().noneMatch(r -> r.metric() == metric)) {
                throw new InvalidInputException(paths.get(i), "There is a goal for " + metric.label() + " but no "
                        + metric.label() + " measurement to start from.");
            }
        }
    }

    /** A metric field and the factor to its canonical unit. */
    record Unit(Metric metric, double factor) {
    }

    static Optional<Unit> unit(String field) {
        String key = field.strip().toLowerCase();
        if (key.endsWith("_lb") || key.endsWith("_lbs")) {
            return Metric.byName(key.substring(0, key.lastIndexOf('_')) + "_kg")
                    .filter(m -> m.unit().equals("kg")).map(m -> new Unit(m, KG_PER_LB));
        }
        if (key.endsWith("_in")) {
            return Metric.byName(key.substring(0, key.length() - 3) + "_cm")
                    .filter(m -> m.unit().equals("cm")).map(m -> new Unit(m, CM_PER_IN));
        }
        if (key.equals("body_fat_percentage") || key.equals("bodyfat")) {
            return Optional.of(new Unit(Metric.BODY_FAT_PCT, 1));
        }
        if (key.equals("heart_rate") || key.equals("resting_heart_rate")) {
            return Optional.of(new Unit(Metric.RESTING_HR, 1));
        }
        return Metric.byName(key).map(m -> new Unit(m, 1));
    }

    static String metricNames() {
        return Coded.codes(Metric.class);
    }

    private interface ItemReader {
        void read(JsonNode item, String path);
    }

    private static void each(JsonNode json, String field, ItemReader reader) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(field, "'" + field + "' must be a list.");
        }
        if (node.size() > MAX_ITEMS) {
            throw new InvalidInputException(field, "'" + field + "' has " + node.size() + " items; at most "
                    + MAX_ITEMS + ".");
        }
        for (int i = 0; i < node.size(); i++) {
            reader.read(node.get(i), field + "[" + i + "]");
        }
    }

    private static JsonNode required(JsonNode item, String field, String path) {
        if (!item.hasNonNull(field)) {
            throw new InvalidInputException(path + "." + field, "'" + path + "." + field + "' is required.");
        }
        return item.get(field);
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new InvalidInputException(path, "'" + path + "' must be a JSON object.");
        }
    }

    /** An ISO date, or the date part of a date-time; {@code notAfter} refuses dates in the future (measurements). */
    private static LocalDate date(JsonNode node, String path, LocalDate notAfter) {
        String text = node.isTextual() ? node.asText().strip() : "";
        LocalDate date;
        try {
            date = LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, "'" + path + "' is not a real date (YYYY-MM-DD): '" + node.asText()
                    + "'.");
        }
        if (notAfter != null && date.isAfter(notAfter.plusDays(1))) {
            throw new InvalidInputException(path, "'" + path + "' (" + date + ") is in the future.");
        }
        return date;
    }

    /** A measurement or goal in the metric's unit, within {@link PlausibleRange}; the message gives the range. */
    private static double plausible(JsonNode node, String path, Unit unit) {
        Metric metric = unit.metric();
        PlausibleRange range = PlausibleRange.of(metric);
        String fieldUnit = unit.factor() == KG_PER_LB ? "lb" : unit.factor() == CM_PER_IN ? "in" : metric.unit();
        String allowed = range.text(metric.unit(), unit.factor(), fieldUnit);
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw new InvalidInputException(path, "'" + path + "' must be a number from " + allowed + ".");
        }
        double value = node.asDouble() * unit.factor();
        if (!range.contains(value)) {
            throw new InvalidInputException(path, "'" + path + "' must be from " + allowed + " (a plausible "
                    + metric.label() + "); it was " + shown(node) + ".");
        }
        return value;
    }

    private static double load(JsonNode node, String path, double factor) {
        PlausibleRange range = PlausibleRange.LOAD_KG;
        String allowed = range.text("kg", factor, "lb");
        if (!node.isNumber() || !Double.isFinite(node.asDouble()) || !range.contains(node.asDouble() * factor)) {
            throw new InvalidInputException(path, "'" + path + "' must be a load from " + allowed + ".");
        }
        return node.asDouble() * factor;
    }

    /** The number as sent, shortened: a caller who sent 400 digits does not need them back. */
    private static String shown(JsonNode node) {
        String text = node.asText();
        return text.length() > 24 ? text.substring(0, 24) + "…" : text;
    }
}
