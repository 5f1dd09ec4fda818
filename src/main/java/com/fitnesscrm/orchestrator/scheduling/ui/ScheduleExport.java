package com.fitnesscrm.orchestrator.scheduling.ui;

import com.fitnesscrm.orchestrator.base.ui.CsvCells;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The chosen slots as files a trainer books from: an iCalendar file (RFC 5545, written here: a calendar of plain
 * events needs no library) and CSV for spreadsheets. Nothing is written to the CRM.
 *
 * <p>iCalendar: times in UTC ({@code DTSTART:20261208T060000Z}), so no time-zone block is needed and every calendar
 * shows the right hour; a {@code UID} derived from the slot and client, so importing the file again updates the
 * events instead of doubling them; text escaped ({@code \\ ; , newline}) and lines folded at 75 octets without
 * splitting a character; CRLF line ends.
 */
final class ScheduleExport {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final List<String> CSV_HEADER = List.of("start", "end", "client_id", "show_probability", "score",
            "priority", "suggestion", "reasons", "moved_from");

    private ScheduleExport() {
    }

    /** @param who the session's title, e.g. {@code "Training: Tom Client with Maria Coach"} */
    static String ics(List<Slot> slots, String who, Instant stamp) {
        StringBuilder ics = new StringBuilder();
        line(ics, "BEGIN:VCALENDAR");
        line(ics, "VERSION:2.0");
        line(ics, "PRODID:-//FitnessCRM//AI Orchestrator Schedule//EN");
        line(ics, "CALSCALE:GREGORIAN");
        line(ics, "METHOD:PUBLISH");
        for (Slot slot : slots) {
            line(ics, "BEGIN:VEVENT");
            line(ics, "UID:" + uid(slot));
            line(ics, "DTSTAMP:" + UTC.format(stamp));
            line(ics, "DTSTART:" + UTC.format(slot.start()));
            line(ics, "DTEND:" + UTC.format(slot.end()));
            line(ics, "SUMMARY:" + text(slot.clientId() == null ? who : who + " (client " + slot.clientId() + ")"));
            line(ics, "DESCRIPTION:" + text(String.join("\n", description(slot))));
            line(ics, "STATUS:TENTATIVE");
            line(ics, "END:VEVENT");
        }
        line(ics, "END:VCALENDAR");
        return ics.toString();
    }

    static String csv(List<Slot> slots) {
        StringBuilder csv = new StringBuilder(CsvCells.row(CSV_HEADER));
        for (Slot slot : slots) {
            csv.append(CsvCells.row(Arrays.asList(slot.start(), slot.end(), slot.clientId(),
                    slot.showProbability(), slot.score(), slot.priority(), slot.label(),
                    String.join("; ", slot.reasons()), slot.movedFrom())));
        }
        return csv.toString();
    }

    private static List<String> description(Slot slot) {
        List<String> lines = new ArrayList<>();
        lines.add(slot.label());
        lines.addAll(slot.reasons());
        lines.add("Proposed by the FitnessCRM AI Orchestrator; not booked in the CRM.");
        return lines;
    }

    /** Stable for the same slot and client: a re-import updates the event. */
    private static String uid(Slot slot) {
        String key = slot.start().toInstant() + "/" + slot.end().toInstant() + "/" + slot.clientId();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16) + "@fitnesscrm-orchestrator";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and newline escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\n")
                .replace("\r", "\n").replace("\n", "\\n");
    }

    /** RFC 5545 3.1: content lines longer than 75 octets are folded, the rest starting with a space. */
    private static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
