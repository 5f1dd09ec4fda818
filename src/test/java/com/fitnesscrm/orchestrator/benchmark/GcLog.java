package com.fitnesscrm.orchestrator.benchmark;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The pauses of a stretch of a JVM's GC log ({@code -Xlog:gc}), as a benchmark reports them. */
record GcLog(int young, int full, long maxBeforeMb, long maxAfterMb, long capacityMb, double pauseMs,
             double longestMs, double longestFullMs) {

    /** {@code [12.345s][info][gc] GC(7) Pause Young (Allocation Failure) 150M->40M(371M) 12.345ms} */
    private static final Pattern PAUSE = Pattern.compile(
            "GC\\(\\d+\\) Pause (Young|Full).*? (\\d+)M->(\\d+)M\\((\\d+)M\\) ([\\d.]+)ms");

    static GcLog of(List<String> lines) {
        int young = 0;
        int full = 0;
        long before = 0;
        long after = 0;
        long capacity = 0;
        double pause = 0;
        double longest = 0;
        double longestFull = 0;
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line);
            if (!m.find()) {
                continue;
            }
            if (m.group(1).equals("Full")) {
                full++;
            } else {
                young++;
            }
            before = Math.max(before, Long.parseLong(m.group(2)));
            after = Math.max(after, Long.parseLong(m.group(3)));
            capacity = Math.max(capacity, Long.parseLong(m.group(4)));
            double ms = Double.parseDouble(m.group(5));
            pause += ms;
            longest = Math.max(longest, ms);
            if (m.group(1).equals("Full")) {
                longestFull = Math.max(longestFull, ms);
            }
        }
        return new GcLog(young, full, before, after, capacity, pause, longest, longestFull);
    }
}
