package com.fitnesscrm.orchestrator.scheduling.engine;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a client writes about when they can come: days ("monday", "tue", "weekdays", "weekends"), parts of the
 * day (morning 06–12, lunchtime 11:30–14, afternoon 12–17, evening 17–21:30), times ("before 9", "after 6pm",
 * "at 7am", "7-9am", "between 5 and 7pm"), alternatives ("tuesday or thursday") and refusals ("not friday"). Words it
 * does not know are handed back, never an error. A bare hour 1–6 is taken as pm and 7–11 as am: nobody trains at 5 am
 * often enough to make "after 5" mean that.
 */
final class PreferenceParser {

    static final LocalTime MORNING_FROM = LocalTime.of(6, 0);
    static final LocalTime NOON = LocalTime.NOON;
    static final LocalTime EVENING_FROM = LocalTime.of(17, 0);

    private static final Map<String, LocalTime[]> PARTS = new LinkedHashMap<>();
    private static final Map<String, Set<DayOfWeek>> DAYS = new LinkedHashMap<>();
    /** Words that carry no meaning here. */
    private static final Set<String> FILLERS = Set.of("or", "and", "on", "in", "the", "a", "an", "any", "prefer",
            "preferably", "please", "only", "ideally", "i", "can", "do", "works", "work", "best", "time", "times",
            "slot", "slots", "is", "are", "ish", "would", "like", "me", "my", "for", "good", "fine", "also", "every",
            "each", "day", "days", "sessions", "session", "okay", "ok", "better", "usually", "mostly", "if",
            "possible", "but", "o'clock", "oclock", "clock", "then", "to", "of", "at", "around", "from", "until",
            "till", "before", "after", "between", "by", "not", "no", "except", "never", "without", "can't", "cannot",
            "early", "late");

    static {
        PARTS.put("morning", new LocalTime[] {MORNING_FROM, NOON});
        PARTS.put("lunchtime", new LocalTime[] {LocalTime.of(11, 30), LocalTime.of(14, 0)});
        PARTS.put("lunch", PARTS.get("lunchtime"));
        PARTS.put("midday", PARTS.get("lunchtime"));
        PARTS.put("afternoon", new LocalTime[] {NOON, EVENING_FROM});
        PARTS.put("evening", new LocalTime[] {EVENING_FROM, LocalTime.of(21, 30)});
        PARTS.put("night", PARTS.get("evening"));
        PARTS.put("tonight", PARTS.get("evening"));
        String[][] names = {{"monday", "mon"}, {"tuesday", "tue", "tues"}, {"wednesday", "wed", "weds"},
                {"thursday", "thu", "thur", "thurs"}, {"friday", "fri"}, {"saturday", "sat"}, {"sunday", "sun"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                DAYS.put(name, EnumSet.of(DayOfWeek.of(i + 1)));
            }
        }
        Set<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        Set<DayOfWeek> weekends = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        for (String word : List.of("weekday", "workday", "weekdays", "workdays")) {
            DAYS.put(word, weekdays);
        }
        for (String word : List.of("weekend", "weekends")) {
            DAYS.put(word, weekends);
        }
    }

    private static final Pattern TIME = Pattern.compile("^(\\d{1,2})(?:[:.h](\\d{2}))?(am|pm|a|p)?$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{1,2}(?::\\d{2})?)(am|pm)?-(\\d{1,2}(?::\\d{2})?)(am|pm)?$");

    /** What one phrase said: the preferences read and the words left over. */
    record Parsed(List<Preference> preferences, List<String> unread) {
    }

    Parsed parse(String phrase) {
        String text = phrase == null ? "" : phrase.strip();
        String normal = text.toLowerCase(Locale.ROOT)
                .replaceAll("(\\d)\\s+(am|pm|a\\.m\\.|p\\.m\\.)", "$1$2")
                .replace("a.m.", "am").replace("p.m.", "pm")
                .replaceAll("\\s*[–—-]\\s*", "-")
                .replaceAll("[,;/&+!?()\"]", " ")
                .replace("after work", "evening")
                .replace("first thing", "morning");
        String[] tokens = normal.split("\\s+");
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Set<DayOfWeek> notDays = EnumSet.noneOf(DayOfWeek.class);
        List<LocalTime[]> parts = new ArrayList<>();
        List<LocalTime[]> notParts = new ArrayList<>();
        LocalTime after = null;
        LocalTime before = null;
        LocalTime at = null;
        boolean negating = false;
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].replaceAll("^'+|'+$|\\.$", "");
            if (token.isEmpty()) {
                continue;
            }
            String singular = token.endsWith("s") && !token.equals("tues") && !token.equals("thurs")
                    && !token.equals("weds") ? token.substring(0, token.length() - 1) : token;
            if (Set.of("not", "no", "except", "never", "without", "can't", "cannot").contains(token)) {
                negating = true;
            } else if (token.equals("but")) {
                negating = false;
            } else if (token.matches("[a-z]+-[a-z]+") && DAYS.containsKey(token.split("-")[0])
                    && DAYS.containsKey(token.split("-")[1])) {
                // "mon-fri": every day from the first to the second.
                DayOfWeek first = DAYS.get(token.split("-")[0]).iterator().next();
                DayOfWeek last = DAYS.get(token.split("-")[1]).iterator().next();
                for (DayOfWeek day = first; ; day = day.plus(1)) {
                    (negating ? notDays : days).add(day);
                    if (day == last) {
                        break;
                    }
                }
            } else if (DAYS.containsKey(token) || DAYS.containsKey(singular)) {
                (negating ? notDays : days).addAll(DAYS.getOrDefault(token, DAYS.get(singular)));
            } else if (PARTS.containsKey(token) || PARTS.containsKey(singular)) {
                LocalTime[] part = PARTS.getOrDefault(token, PARTS.get(singular));
                if (i > 0 && tokens[i - 1].equals("early") && part[0].equals(MORNING_FROM)) {
                    part = new LocalTime[] {LocalTime.of(5, 0), LocalTime.of(9, 0)};
                } else if (i > 0 && tokens[i - 1].equals("late") && part[1].equals(EVENING_FROM)) {
                    part = new LocalTime[] {LocalTime.of(15, 0), EVENING_FROM};
                }
                (negating ? notParts : parts).add(part);
            } else if (token.equals("noon")) {
                if (i > 0 && isTimeWord(tokens[i - 1])) {
                    LocalTime noon = NOON;
                    switch (tokens[i - 1]) {
                        case "before", "by", "until", "till" -> before = noon;
                        case "after", "from" -> after = noon;
                        default -> at = noon;
                    }
                } else {
                    parts.add(PARTS.get("lunchtime"));
                }
            } else if (RANGE.matcher(token).matches()) {
                Matcher range = RANGE.matcher(token);
                range.matches();
                String meridiem = range.group(4) != null ? range.group(4) : range.group(2);
                LocalTime start = time(range.group(1) + (range.group(2) != null ? range.group(2) : meridiem));
                LocalTime end = time(range.group(3) + (range.group(4) != null ? range.group(4) : ""));
                if (start == null || end == null || !end.isAfter(start)) {
                    unread.add(token);
                } else {
                    after = start;
                    before = end;
                }
            } else if (time(token) != null && (i == 0 || isTimeWord(tokens[i - 1]) || looksLikeTime(token))) {
                LocalTime time = time(token);
                String previous = i > 0 ? tokens[i - 1] : "at";
                switch (previous) {
                    case "before", "by", "until", "till" -> before = time;
                    case "after", "from" -> after = time;
                    case "between" -> after = time;
                    case "and", "to" -> {
                        if (after != null && before == null) {
                            before = time;
                        } else {
                            at = time;
                        }
                    }
                    default -> at = time;
                }
                if (previous.equals("between") && i + 2 < tokens.length && tokens[i + 1].equals("and")) {
                    LocalTime end = time(tokens[i + 2]);
                    if (end != null) {
                        // "between 5 and 7pm": the first hour takes the second's am/pm when it has none.
                        String meridiem = tokens[i + 2].replaceAll("[^apm]", "");
                        LocalTime start = meridiem.isEmpty() ? time : time(token + meridiem);
                        if (start != null && end.isAfter(start)) {
                            after = start;
                        }
                        before = end;
                        i += 2;
                    }
                }
            } else if (!FILLERS.contains(token)) {
                unread.add(token);
            }
        }

        List<Preference> read = new ArrayList<>();
        if (before != null || after != null || at != null) {
            LocalTime from = after != null ? after : LocalTime.MIN;
            LocalTime to = before != null ? before : Preference.END_OF_DAY;
            if (parts.isEmpty()) {
                parts.add(new LocalTime[] {from, to});
            } else {
                // "mornings before 9": the part and the bound together.
                List<LocalTime[]> bounded = new ArrayList<>();
                for (LocalTime[] part : parts) {
                    LocalTime start = part[0].isAfter(from) ? part[0] : from;
                    LocalTime end = part[1].isBefore(to) ? part[1] : to;
                    if (end.isAfter(start)) {
                        bounded.add(new LocalTime[] {start, end});
                    }
                }
                parts = bounded;
            }
        }
        if (at != null) {
            read.add(new Preference(text, days, null, null, at, false));
        } else if (!parts.isEmpty()) {
            for (LocalTime[] part : parts) {
                read.add(new Preference(text, days, part[0], part[1], null, false));
            }
        } else if (!days.isEmpty()) {
            read.add(new Preference(text, days, null, null, null, false));
        }
        if (!notParts.isEmpty()) {
            for (LocalTime[] part : notParts) {
                read.add(new Preference(text, notDays, part[0], part[1], null, true));
            }
        } else if (!notDays.isEmpty()) {
            read.add(new Preference(text, notDays, null, null, null, true));
        }
        if (read.isEmpty() && unread.isEmpty() && !text.isEmpty()) {
            unread.add(text);
        }
        return new Parsed(read, unread);
    }

    private static boolean isTimeWord(String token) {
        return Set.of("before", "after", "at", "around", "from", "by", "until", "till", "between", "and", "to")
                .contains(token);
    }

    private static boolean looksLikeTime(String token) {
        return token.matches(".*(am|pm|a|p)$") || token.contains(":");
    }

    /** "7", "7am", "7:30pm", "18:00", "6.30p" as a local time, or {@code null}. */
    static LocalTime time(String token) {
        Matcher m = TIME.matcher(token);
        if (!m.matches()) {
            return null;
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String meridiem = m.group(3);
        if (minute > 59 || hour > 23 || (meridiem != null && (hour == 0 || hour > 12))) {
            return null;
        }
        if (meridiem != null) {
            boolean pm = meridiem.startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        } else if (hour >= 1 && hour <= 6) {
            hour += 12;
        }
        return LocalTime.of(hour, minute);
    }
}
