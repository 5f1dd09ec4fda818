package com.fitnesscrm.orchestrator.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.InvalidInputException;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Attendance;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Availability;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Booking;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Status;
import com.fitnesscrm.orchestrator.scheduling.SchedulingInput.Window;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Scheduling Intelligence's input: the main backend's {@code {client_id, trainer_id, preferred_times}} and
 * the full shape ({@code trainer}, {@code client}, {@code existing_sessions}, {@code session_minutes},
 * {@code horizon}, {@code count}). What the request leaves out comes from the CRM ({@link Crm}) or the defaults.
 * Refuses, naming the field: an end before its start, an unknown weekday, a horizon over 90 days, a time zone that does
 * not exist, a number out of its range, a date-time that is none.
 */
public final class SchedulingInputReader {

    /** Enough for half a year of a busy trainer; more is an upload by mistake. */
    static final int MAX_ITEMS = 5_000;
    static final int MAX_PHRASES = 20;

    /** What the CRM has, asked only for what the request lacks; {@link #NONE} with no CRM. */
    public interface Crm {

        Crm NONE = new Crm() {
        };

        /** The gym's time zone, when the trainer's is not given. */
        default Optional<ZoneId> zone() {
            return Optional.empty();
        }

        /** The trainer's sessions starting in [from, to). */
        default List<Booking> trainerSessions(long trainerId, Instant from, Instant to) {
            return List.of();
        }

        /** The client's past sessions with what became of them. */
        default List<Attendance> clientHistory(long clientId, Instant from, Instant to) {
            return List.of();
        }

        /** Every client's past sessions, for the gym's rates. */
        default List<Attendance> gymHistory(Instant from, Instant to) {
            return List.of();
        }
    }

    private SchedulingInputReader() {
    }

    public static SchedulingInput read(JsonNode json, Instant now, Crm crm) {
        return read(json, now, crm, SchedulingInput.DEFAULT_TIME_LIMIT);
    }

    /** As {@link #read(JsonNode, Instant, Crm)}, with the week optimiser's time limit when the input gives none. */
    public static SchedulingInput read(JsonNode json, Instant now, Crm crm, java.time.Duration defaultTimeLimit) {
        if (json == null || !json.isObject()) {
            throw new InvalidInputException("", "The input must be a JSON object.");
        }
        JsonNode trainer = object(json, "trainer");
        JsonNode client = object(json, "client");
        Long trainerId = id(json, "trainer_id");
        Long trainerObjectId = trainer == null ? null : id(trainer, "trainer.id");
        trainerId = trainerId != null ? trainerId : trainerObjectId;
        Long clientId = id(json, "client_id");
        Long clientObjectId = client == null ? null : id(client, "client.id");
        clientId = clientId != null ? clientId : clientObjectId;

        ZoneId zone;
        if (trainer != null && trainer.hasNonNull("timezone")) {
            zone = zone(trainer.get("timezone"), "trainer.timezone");
        } else if (json.hasNonNull("timezone")) {
            zone = zone(json.get("timezone"), "timezone");
        } else {
            zone = crm.zone().orElse(ZoneId.of("UTC"));
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        int sessionMinutes = integer(json, "session_minutes", SchedulingInput.DEFAULT_SESSION_MINUTES, 15, 240);
        int count = integer(json, "count", SchedulingInput.DEFAULT_COUNT, 1, 20);
        LocalDate from = today;
        LocalDate to = today.plusDays(SchedulingInput.DEFAULT_HORIZON_DAYS - 1);
        JsonNode horizon = object(json, "horizon");
        if (horizon != null) {
            from = horizon.hasNonNull("from") ? date(horizon.get("from"), "horizon.from", zone) : from;
            to = horizon.hasNonNull("to") ? date(horizon.get("to"), "horizon.to", zone)
                    : from.plusDays(SchedulingInput.DEFAULT_HORIZON_DAYS - 1);
            if (to.isBefore(from)) {
                throw new InvalidInputException("horizon.to", "The horizon ends (" + to + ") before it starts ("
                        + from + ").");
            }
            if (ChronoUnit.DAYS.between(from, to) + 1 > SchedulingInput.MAX_HORIZON_DAYS) {
                throw new InvalidInputException("horizon.to", "The horizon is " + (ChronoUnit.DAYS.between(from, to)
                        + 1) + " days; at most " + SchedulingInput.MAX_HORIZON_DAYS + ".");
            }
        }
        LocalDate week = json.hasNonNull("week") ? week(json.get("week")) : null;
        List<SchedulingInput.Request> requests = new ArrayList<>();
        each(json, "requests", "requests", (item, path) -> requests.add(request(item, path)));
        if (!requests.isEmpty() && week == null) {
            throw new InvalidInputException("week", "Requests are placed in a week: give \"week\" (2026-W50 or "
                    + "a Monday's date).");
        }
        if (week != null) {
            from = week;
            to = week.plusDays(6);
        }
        Integer limitSeconds = optionalInteger(json, "time_limit_seconds", "time_limit_seconds", 1, 25);
        java.time.Duration timeLimit = limitSeconds != null ? java.time.Duration.ofSeconds(limitSeconds)
                : defaultTimeLimit;
        Integer maxPerDay = null;
        int buffer = 0;
        List<Availability> availability = new ArrayList<>();
        if (trainer != null) {
            maxPerDay = optionalInteger(trainer, "max_sessions_per_day", "trainer.max_sessions_per_day", 1, 48);
            Integer givenBuffer = optionalInteger(trainer, "buffer_minutes", "trainer.buffer_minutes", 0, 240);
            buffer = givenBuffer == null ? 0 : givenBuffer;
            each(trainer, "availability", "trainer.availability", (item, path) -> availability.add(
                    availability(item, path)));
        }
        Integer minHoursBetween = optionalInteger(json, "min_hours_between", "min_hours_between", 0, 24 * 14);

        List<Window> windows = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        phrases(json.get("preferred_times"), "preferred_times", phrases);
        List<Attendance> clientHistory = new ArrayList<>();
        boolean historyGiven = false;
        if (client != null) {
            each(client, "preferred_windows", "client.preferred_windows", (item, path) -> windows.add(
                    window(item, path)));
            phrases(client.get("preferred_times"), "client.preferred_times", phrases);
            historyGiven = client.has("history");
            each(client, "history", "client.history", (item, path) -> clientHistory.add(attendance(item, path,
                    zone)));
        }
        if (phrases.size() > MAX_PHRASES) {
            throw new InvalidInputException("preferred_times", "At most " + MAX_PHRASES + " preferences.");
        }

        List<Booking> existing = new ArrayList<>();
        boolean existingGiven = json.has("existing_sessions");
        each(json, "existing_sessions", "existing_sessions", (item, path) -> existing.add(booking(item, path,
                zone, sessionMinutes)));

        // What the request left out, from the CRM.
        List<String> fromCrm = new ArrayList<>();
        Map<String, Integer> sources = new LinkedHashMap<>();
        sources.put("request", existing.size() + clientHistory.size() + availability.size());
        Instant learnedSince = now.atZone(zone).minusWeeks(SchedulingInput.LEARNING_WEEKS).toInstant();
        List<Booking> trainerHistory = new ArrayList<>();
        if (trainerId != null) {
            Instant horizonStart = from.minusDays(1).atStartOfDay(zone).toInstant();
            Instant horizonEnd = to.plusDays(2).atStartOfDay(zone).toInstant();
            if (!existingGiven) {
                existing.addAll(crm.trainerSessions(trainerId, horizonStart, horizonEnd));
                note(fromCrm, sources, "existing_sessions", existing.size());
            }
            if (availability.isEmpty()) {
                trainerHistory.addAll(crm.trainerSessions(trainerId, learnedSince, now));
                note(fromCrm, sources, "trainer_history", trainerHistory.size());
            }
        }
        if (clientId != null && !historyGiven) {
            clientHistory.addAll(crm.clientHistory(clientId, learnedSince.minus(26 * 7, ChronoUnit.DAYS), now));
            note(fromCrm, sources, "client_history", clientHistory.size());
        }
        List<Attendance> gymHistory = crm.gymHistory(learnedSince, now);
        note(fromCrm, sources, "gym_history", gymHistory.size());
        return new SchedulingInput(clientId, trainerId, zone, now, from, to, sessionMinutes, count, buffer, maxPerDay,
                minHoursBetween, availability, existing, trainerHistory, clientHistory, gymHistory, windows, phrases,
                fromCrm, sources, week, requests, timeLimit);
    }

    private static void note(List<String> fromCrm, Map<String, Integer> sources, String what, int count) {
        if (count > 0) {
            fromCrm.add(what);
            sources.put(what, count);
        }
    }

    // ---- fields -------------------------------------------------------------------------------------------------

    private interface ItemReader {
        void read(JsonNode item, String path);
    }

    private static void each(JsonNode json, String field, String path, ItemReader reader) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path, "'" + path + "' must be a list.");
        }
        if (node.size() > MAX_ITEMS) {
            throw new InvalidInputException(path, "'" + path + "' has " + node.size() + " items; at most "
                    + MAX_ITEMS + ".");
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                throw new InvalidInputException(path + "[" + i + "]", "Each item of '" + path + "' is an object.");
            }
            reader.read(item, path + "[" + i + "]");
        }
    }

    private static JsonNode object(JsonNode json, String field) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new InvalidInputException(field, "'" + field + "' must be an object.");
        }
        return node;
    }

    private static Long id(JsonNode json, String path) {
        String field = path.contains(".") ? path.substring(path.indexOf('.') + 1) : path;
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong() && node.asLong() > 0) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().strip().matches("\\d{1,18}") && Long.parseLong(node.asText().strip()) > 0) {
            return Long.parseLong(node.asText().strip());
        }
        throw new InvalidInputException(path, "'" + path + "' must be a positive whole number.");
    }

    private static int integer(JsonNode json, String field, int fallback, int min, int max) {
        Integer value = optionalInteger(json, field, field, min, max);
        return value == null ? fallback : value;
    }

    private static Integer optionalInteger(JsonNode json, String field, String path, int min, int max) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < min || node.asInt() > max) {
            throw new InvalidInputException(path, "'" + path + "' must be a whole number from " + min + " to "
                    + max + ".");
        }
        return node.asInt();
    }

    private static ZoneId zone(JsonNode node, String path) {
        try {
            return ZoneId.of(node.asText().strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException(path, "'" + node.asText() + "' is not a time zone (use an IANA name "
                    + "such as Europe/Berlin).");
        }
    }

    private static LocalDate date(JsonNode node, String path, ZoneId zone) {
        String text = node.asText().strip();
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException notADate) {
            return dateTime(node, path, zone).atZone(zone).toLocalDate();
        }
    }

    /** An ISO date-time with an offset, or without one and then local to the trainer. */
    static Instant dateTime(JsonNode node, String path, ZoneId zone) {
        if (node == null || node.isNull() || !node.isTextual()) {
            throw new InvalidInputException(path, "'" + path + "' is required: an ISO date-time.");
        }
        String text = node.asText().strip();
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(path, "'" + text + "' is not an ISO date-time such as "
                        + "2026-12-07T09:00 or 2026-12-07T09:00+01:00.");
            }
        }
    }

    private static LocalTime time(JsonNode node, String path, boolean end) {
        if (node == null || node.isNull()) {
            throw new InvalidInputException(path, "'" + path + "' is required, e.g. \"07:00\".");
        }
        String text = node.asText().strip();
        if (end && text.equals("24:00")) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(path, "'" + text + "' is not a time such as 07:00.");
        }
    }

    static DayOfWeek weekday(JsonNode node, String path) {
        String text = node.asText().strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            String name = day.name().toLowerCase(Locale.ROOT);
            if (text.equals(name) || text.equals(name.substring(0, 3))) {
                return day;
            }
        }
        throw new InvalidInputException(path, "'" + node.asText() + "' is not a weekday (mon, tue, wed, thu, fri, "
                + "sat, sun).");
    }

    /** {@code "2026-W50"} or a Monday's date. */
    private static LocalDate week(JsonNode node) {
        String text = node.asText().strip();
        java.util.regex.Matcher iso = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{2})").matcher(text);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), 1, 4)
                        .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(iso.group(2)))
                        .with(DayOfWeek.MONDAY);
            }
            LocalDate date = LocalDate.parse(text);
            if (date.getDayOfWeek() != DayOfWeek.MONDAY) {
                throw new InvalidInputException("week", "'" + text + "' is a " + date.getDayOfWeek().toString()
                        .toLowerCase(Locale.ROOT) + "; a week is given as 2026-W50 or its Monday's date.");
            }
            return date;
        } catch (DateTimeException e) {
            throw new InvalidInputException("week", "'" + text + "' is not a week such as 2026-W50 or a Monday's "
                    + "date.");
        }
    }

    private static SchedulingInput.Request request(JsonNode item, String path) {
        Long client = id(item, path + ".client_id");
        if (client == null) {
            throw new InvalidInputException(path + ".client_id", "'" + path + ".client_id' is required.");
        }
        Integer perWeek = optionalInteger(item, "sessions_per_week", path + ".sessions_per_week", 1, 14);
        if (perWeek == null) {
            throw new InvalidInputException(path + ".sessions_per_week", "'" + path + ".sessions_per_week' is "
                    + "required (1 to 14).");
        }
        Integer minutes = optionalInteger(item, "session_minutes", path + ".session_minutes", 15, 240);
        Integer minHours = optionalInteger(item, "min_hours_between", path + ".min_hours_between", 0, 24 * 7);
        List<Window> windows = new ArrayList<>();
        each(item, "preferred_windows", path + ".preferred_windows", (w, p) -> windows.add(window(w, p)));
        List<String> phrases = new ArrayList<>();
        phrases(item.get("preferred_times"), path + ".preferred_times", phrases);
        return new SchedulingInput.Request(client, perWeek, minutes, windows, phrases, minHours);
    }

    private static Availability availability(JsonNode item, String path) {
        DayOfWeek weekday = item.hasNonNull("weekday") ? weekday(item.get("weekday"), path + ".weekday") : null;
        LocalDate date = null;
        if (item.hasNonNull("date")) {
            try {
                date = LocalDate.parse(item.get("date").asText().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException(path + ".date", "'" + item.get("date").asText()
                        + "' is not a date such as 2026-12-07.");
            }
        }
        if ((weekday == null) == (date == null)) {
            throw new InvalidInputException(path + ".weekday", "Give either a weekday or a date.");
        }
        LocalTime start = time(item.get("start"), path + ".start", false);
        LocalTime end = time(item.get("end"), path + ".end", true);
        if (!end.isAfter(start)) {
            throw new InvalidInputException(path + ".end", "It ends (" + item.get("end").asText()
                    + ") before it starts (" + start + ").");
        }
        return new Availability(weekday, date, start, end);
    }

    private static Window window(JsonNode item, String path) {
        DayOfWeek weekday = item.hasNonNull("weekday") ? weekday(item.get("weekday"), path + ".weekday") : null;
        LocalTime start = time(item.get("start"), path + ".start", false);
        LocalTime end = time(item.get("end"), path + ".end", true);
        if (!end.isAfter(start)) {
            throw new InvalidInputException(path + ".end", "It ends (" + item.get("end").asText()
                    + ") before it starts (" + start + ").");
        }
        return new Window(weekday, start, end);
    }

    private static Booking booking(JsonNode item, String path, ZoneId zone, int defaultMinutes) {
        Instant start = dateTime(item.get("start"), path + ".start", zone);
        Instant end = item.hasNonNull("end") ? dateTime(item.get("end"), path + ".end", zone)
                : start.plus(defaultMinutes, ChronoUnit.MINUTES);
        if (!end.isAfter(start)) {
            throw new InvalidInputException(path + ".end", "It ends (" + item.get("end").asText()
                    + ") before it starts.");
        }
        Long client = id(item, path + ".client_id");
        Status status = item.hasNonNull("status") ? status(item.get("status"), path + ".status") : null;
        return new Booking(start, end, client, status);
    }

    private static Attendance attendance(JsonNode item, String path, ZoneId zone) {
        Instant start = dateTime(item.get("start"), path + ".start", zone);
        if (!item.hasNonNull("status")) {
            throw new InvalidInputException(path + ".status", "'" + path + ".status' is required: completed, "
                    + "no_show or cancelled.");
        }
        return new Attendance(start, status(item.get("status"), path + ".status"));
    }

    /** A session's status as the CRM and its people write it. */
    static Status status(JsonNode node, String path) {
        String text = node.asText().strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        return switch (text) {
            case "scheduled", "booked", "pending", "upcoming" -> Status.SCHEDULED;
            case "confirmed" -> Status.CONFIRMED;
            case "completed", "complete", "attended", "done" -> Status.COMPLETED;
            case "cancelled", "canceled", "late_cancel", "late_cancelled" -> Status.CANCELLED;
            case "no_show", "noshow", "missed", "absent" -> Status.NO_SHOW;
            default -> throw new InvalidInputException(path, "'" + node.asText() + "' is not a status (scheduled, "
                    + "confirmed, completed, no_show, cancelled).");
        };
    }

    private static void phrases(JsonNode node, String path, List<String> into) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isTextual()) {
            into.add(node.asText());
            return;
        }
        if (!node.isArray()) {
            throw new InvalidInputException(path, "'" + path + "' must be a list of texts.");
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual() || node.get(i).asText().length() > 200) {
                throw new InvalidInputException(path + "[" + i + "]", "Each preference is a text of at most 200 "
                        + "characters.");
            }
            into.add(node.get(i).asText());
        }
    }
}
