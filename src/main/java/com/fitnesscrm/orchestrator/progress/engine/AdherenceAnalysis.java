package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Session;
import com.fitnesscrm.orchestrator.progress.ProgressInput.SessionStatus;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Adherence;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sessions completed of those planned, and the dropout risk: red after missed check-ins (two no-shows in the last
 * three sessions, or no measurement in 14 days) or no session in 14 days; yellow with none in 7 days or none
 * booked; green otherwise.
 */
final class AdherenceAnalysis {

    static final int RED_DAYS = 14;
    static final int YELLOW_DAYS = 7;

    /** @return {@code null} when no sessions were given: nothing to judge */
    Adherence analyse(List<Session> sessions, LocalDate asOf, LocalDate lastReading) {
        if (sessions.isEmpty()) {
            return null;
        }
        List<Session> past = sessions.stream().filter(s -> !s.date().isAfter(asOf))
                .sorted(Comparator.comparing(Session::date)).toList();
        int completed = count(past, SessionStatus.COMPLETED);
        int cancelled = count(past, SessionStatus.CANCELLED);
        int noShow = count(past, SessionStatus.NO_SHOW);
        int booked = (int) sessions.stream().filter(s -> s.date().isAfter(asOf)
                && s.status() != SessionStatus.CANCELLED).count();
        Integer daysSince = past.stream().filter(s -> s.status() == SessionStatus.COMPLETED).map(Session::date)
                .max(LocalDate::compareTo).map(last -> (int) ChronoUnit.DAYS.between(last, asOf)).orElse(null);
        List<String> red = new ArrayList<>();
        List<String> yellow = new ArrayList<>();
        if (daysSince == null && !past.isEmpty()) {
            red.add("No completed session yet of " + past.size() + " planned.");
        } else if (daysSince != null && daysSince >= RED_DAYS) {
            red.add("No session in " + daysSince + " days.");
        } else if (daysSince != null && daysSince >= YELLOW_DAYS) {
            yellow.add("No session in " + daysSince + " days.");
        }
        List<Session> lastThree = past.subList(Math.max(0, past.size() - 3), past.size());
        int recentNoShows = count(lastThree, SessionStatus.NO_SHOW);
        if (recentNoShows >= 2) {
            red.add("Missed check-ins: " + recentNoShows + " no-shows in the last " + lastThree.size()
                    + " sessions.");
        }
        if (lastReading != null && ChronoUnit.DAYS.between(lastReading, asOf) >= RED_DAYS) {
            red.add("Missed check-ins: no measurement in " + ChronoUnit.DAYS.between(lastReading, asOf) + " days.");
        }
        if (booked == 0) {
            yellow.add("No session booked.");
        }
        int planned = past.size();
        String risk = !red.isEmpty() ? "red" : !yellow.isEmpty() ? "yellow" : "green";
        List<String> reasons = new ArrayList<>(red);
        reasons.addAll(yellow);
        return new Adherence(planned, completed, cancelled, noShow,
                planned == 0 ? null : Numbers.round((double) completed / planned, 2), daysSince, booked, risk,
                reasons);
    }

    private static int count(List<Session> sessions, SessionStatus status) {
        return (int) sessions.stream().filter(s -> s.status() == status).count();
    }
}
