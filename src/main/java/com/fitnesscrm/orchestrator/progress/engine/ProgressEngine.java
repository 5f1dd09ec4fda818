package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.base.Numbers;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Point;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis.Series;
import com.fitnesscrm.orchestrator.progress.ProgressAnalysis;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Anomaly;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Change;
import com.fitnesscrm.orchestrator.progress.ProgressReport.Eta;
import com.fitnesscrm.orchestrator.progress.ProgressReport.GoalForecast;
import com.fitnesscrm.orchestrator.progress.ProgressReport.MetricAnalysis;
import com.fitnesscrm.orchestrator.progress.ProgressReport;
import com.fitnesscrm.orchestrator.progress.engine.RobustStats.Line;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Progress Monitor's rules engine: plain Java, no Spring, no network, the same answer for the same input.
 * The methods and their windows are explained in docs/decisions/0009-progress-monitor.md.
 */
public final class ProgressEngine {

    /** α of the Hacker's Diet / TrendWeight moving average. */
    static final double EMA_ALPHA = 0.1;
    /** The rate is measured over at most this many days (12 weeks): older behaviour says little about today's. */
    static final int MAX_WINDOW_DAYS = 84;
    /** A plateau must last this long; it is also the shortest segment a break may leave. */
    static final int PLATEAU_DAYS = 21;
    /** Fewer readings or a shorter span and no trend is claimed (public: the input reader says so before a run). */
    public static final int MIN_READINGS = 6;
    public static final int MIN_SPAN_DAYS = 14;
    /**
     * The F statistic a one-break line needs over a straight one. The break day is searched, so F is not F-distributed
     * (Andrews 1993); on synthetic straight lines its 99th percentile was 5.3.
     */
    static final double BREAK_F = 6;
    static final double ANOMALY_Z = 3.5;
    /** Losing faster than this share of body weight a week is flagged. */
    static final double FAST_LOSS_PCT = 1.0;

    private final LiftAnalysis lifts = new LiftAnalysis();
    private final AdherenceAnalysis adherence = new AdherenceAnalysis();

    public ProgressReport report(ProgressInput input) {
        return analyse(input).report();
    }

    /**
     * The rules every answer must pass, this engine's and an LLM's alike (see {@code ProgressCheck}): the broken
     * ones as sentences, none for an answer that may be given.
     */
    public List<String> check(ProgressInput input, ProgressReport answer) {
        return new ProgressCheck(this).check(input, answer);
    }

    public ProgressAnalysis analyse(ProgressInput input) {
        Map<Metric, List<Reading>> byMetric = new EnumMap<>(Metric.class);
        for (Reading reading : input.readings()) {
            byMetric.computeIfAbsent(reading.metric(), metric -> new ArrayList<>()).add(reading);
        }
        Map<String, MetricAnalysis> metrics = new LinkedHashMap<>();
        Map<Metric, Series> series = new EnumMap<>(Metric.class);
        Map<Metric, Fit> fits = new EnumMap<>(Metric.class);
        byMetric.forEach((metric, readings) -> {
            Fit fit = fit(metric, readings);
            fits.put(metric, fit);
            metrics.put(metric.code(), fit.analysis());
            series.put(metric, fit.series());
        });
        List<GoalForecast> goals = new ArrayList<>();
        for (Goal goal : input.goals()) {
            goals.add(forecast(goal, fits.get(goal.metric()), input.asOf()));
        }
        var liftTrends = lifts.analyse(input.lifts());
        LocalDate lastReading = input.readings().stream().map(Reading::date).max(LocalDate::compareTo).orElse(null);
        var attendance = adherence.analyse(input.sessions(), input.asOf(), lastReading);
        List<String> insights = Insights.of(metrics, goals, liftTrends, attendance, input.notes());
        ProgressReport report = new ProgressReport(input.clientId(), input.asOf(), metrics, goals, liftTrends,
                attendance, insights, String.join(" ", insights), Insights.motivation(metrics, goals), "rules",
                input.usesCrm() ? ProgressReport.CRM_HISTORY : ProgressReport.REQUEST, input.sources());
        return new ProgressAnalysis(report, series);
    }

    /** The measured trend of one metric, with what the goal forecast needs beyond the report. */
    record Fit(MetricAnalysis analysis, Series series, Line line, LocalDate origin, double firstTrend) {
    }

    static Fit fit(Metric metric, List<Reading> all) {
        List<Reading> daily = firstPerDay(all);
        int n = daily.size();
        LocalDate origin = daily.get(0).date();
        double[] t = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = ChronoUnit.DAYS.between(origin, daily.get(i).date());
            y[i] = daily.get(i).value();
        }
        boolean[] suspect = prescreen(metric, t, y);
        Line line = null;
        int windowFrom = n;
        if (n >= MIN_READINGS && t[n - 1] - t[0] >= MIN_SPAN_DAYS) {
            double[][] clean = clean(t, y, suspect);
            double[] ct = clean[0];
            double[] cy = clean[1];
            int m = ct.length;
            int from = 0;
            while (ct[m - 1] - ct[from] > MAX_WINDOW_DAYS) {
                from++;
            }
            double[] hinge = RobustStats.bestHinge(ct, cy, from, m, PLATEAU_DAYS);
            if (hinge != null && hinge[1] >= BREAK_F) {
                while (ct[from] < hinge[0]) {
                    from++;
                }
            }
            if (m - from >= MIN_READINGS) {
                line = RobustStats.theilSen(ct, cy, from, m);
                if (!line.hasInterval()) {
                    line = null;
                } else {
                    double start = ct[from];
                    windowFrom = 0;
                    while (t[windowFrom] < start) {
                        windowFrom++;
                    }
                }
            }
        }
        List<Anomaly> anomalies = new ArrayList<>();
        boolean[] anomalous = anomalies(metric, t, y, line, windowFrom, daily, anomalies);
        double[] trend = ema(t, y, anomalous);
        double current = trend[trend.length - 1];
        Change change = new Change(changeVs(trend, 7), changeVs(trend, 14), changeVs(trend, 28));
        Double rate = null;
        List<Double> ci = null;
        Double ratePct = null;
        boolean plateau = false;
        Boolean fastLoss = null;
        LocalDate windowStart = null;
        Integer windowDays = null;
        Point fitStart = null;
        Point fitEnd = null;
        if (line != null) {
            rate = Numbers.round(line.slope() * 7, 3);
            ci = List.of(Numbers.round(line.low() * 7, 3), Numbers.round(line.high() * 7, 3));
            ratePct = Numbers.round(line.slope() * 7 / current * 100, 2);
            windowStart = daily.get(windowFrom).date();
            windowDays = (int) (t[n - 1] - t[windowFrom]);
            plateau = windowDays >= PLATEAU_DAYS && line.low() <= 0 && line.high() >= 0;
            fitStart = new Point(windowStart, Numbers.round(line.at(t[windowFrom]), 2));
            fitEnd = new Point(daily.get(n - 1).date(), Numbers.round(line.at(t[n - 1]), 2));
        }
        if (metric == Metric.WEIGHT_KG && line != null) {
            fastLoss = ratePct < -FAST_LOSS_PCT;
        }
        MetricAnalysis analysis = new MetricAnalysis(metric.unit(), all.size(), origin, daily.get(n - 1).date(),
                y[n - 1], Numbers.round(current, 2), line == null ? "insufficient_data" : "measured", rate, ci,
                ratePct, windowStart, windowDays, change, plateau, anomalies, fastLoss);
        return new Fit(analysis, series(daily, t, trend, anomalies, fitStart, fitEnd), line, origin, trend[0]);
    }

    private static List<Reading> firstPerDay(List<Reading> readings) {
        // A stable sort keeps the input order within a day, so the first reading given for a day is the one used.
        List<Reading> sorted = new ArrayList<>(readings);
        sorted.sort((a, b) -> a.date().compareTo(b.date()));
        List<Reading> daily = new ArrayList<>();
        for (Reading reading : sorted) {
            if (daily.isEmpty() || !daily.get(daily.size() - 1).date().equals(reading.date())) {
                daily.add(reading);
            }
        }
        return daily;
    }

    /**
     * Marks readings far from the median of their seven neighbours, so that a typo cannot bend the break search
     * (least squares). Theil–Sen itself needs no such help; the anomalies reported are decided later, against the
     * fitted trend.
     */
    private static boolean[] prescreen(Metric metric, double[] t, double[] y) {
        int n = y.length;
        boolean[] suspect = new boolean[n];
        if (n < 7) {
            return suspect;
        }
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, Math.min(i - 3, n - 7));
            residuals[i] = y[i] - RobustStats.median(y, from, from + 7);
        }
        double scale = Math.max(RobustStats.MAD_TO_SD * RobustStats.mad(residuals),
                metric.anomalyFloor(RobustStats.median(y)));
        double center = RobustStats.median(residuals);
        for (int i = 0; i < n; i++) {
            suspect[i] = Math.abs(residuals[i] - center) / scale > ANOMALY_Z;
        }
        return suspect;
    }

    private static double[][] clean(double[] t, double[] y, boolean[] suspect) {
        int m = 0;
        for (boolean s : suspect) {
            m += s ? 0 : 1;
        }
        double[] ct = new double[m];
        double[] cy = new double[m];
        int k = 0;
        for (int i = 0; i < t.length; i++) {
            if (!suspect[i]) {
                ct[k] = t[i];
                cy[k++] = y[i];
            }
        }
        return new double[][] {ct, cy};
    }

    /**
     * Robust z-scores of the residuals from the trend: the fitted rate line inside its window, Theil–Sen lines over
     * consecutive 12-week blocks before it. A reading counts as an anomaly above {@link #ANOMALY_Z}; the spread
     * never goes below the metric's floor, so a normal kilo of water is not one.
     */
    private static boolean[] anomalies(Metric metric, double[] t, double[] y, Line window, int windowFrom,
                                       List<Reading> daily, List<Anomaly> out) {
        int n = y.length;
        boolean[] anomalous = new boolean[n];
        if (n < MIN_READINGS || window == null) {
            return anomalous;
        }
        double[] residuals = new double[n];
        for (int i = windowFrom; i < n; i++) {
            residuals[i] = y[i] - window.at(t[i]);
        }
        int end = windowFrom;
        while (end > 0) {
            int start = end - 1;
            while (start > 0 && t[end - 1] - t[start - 1] <= MAX_WINDOW_DAYS) {
                start--;
            }
            if (end - start >= 3) {
                Line block = RobustStats.theilSen(t, y, start, end);
                for (int i = start; i < end; i++) {
                    residuals[i] = y[i] - block.at(t[i]);
                }
            } else {
                for (int i = start; i < end; i++) {
                    residuals[i] = y[i] - window.at(t[i]);
                }
            }
            end = start;
        }
        double center = RobustStats.median(residuals);
        double scale = Math.max(RobustStats.MAD_TO_SD * RobustStats.mad(residuals),
                metric.anomalyFloor(RobustStats.median(y)));
        for (int i = 0; i < n; i++) {
            double z = (residuals[i] - center) / scale;
            if (Math.abs(z) > ANOMALY_Z) {
                anomalous[i] = true;
                out.add(new Anomaly(daily.get(i).date(), y[i], Numbers.plain(Numbers.round(Math.abs(residuals[i]), 2))
                        + " " + metric.unit() + (residuals[i] > 0 ? " above" : " below") + " the trend (robust z "
                        + Numbers.plain(Numbers.round(z, 1)) + ", limit " + Numbers.plain(ANOMALY_Z) + ")"));
            }
        }
        return anomalous;
    }

    /**
     * The daily EMA from the first to the last day, gaps and anomalies linearly interpolated (an anomaly would move
     * the trend by a tenth of its size for weeks). Days before the first or after the last usable reading carry it.
     */
    private static double[] ema(double[] t, double[] y, boolean[] anomalous) {
        int days = (int) t[t.length - 1] + 1;
        double[] trend = new double[days];
        int previous = -1;
        double value = 0;
        for (int i = 0; i < t.length; i++) {
            if (anomalous[i]) {
                continue;
            }
            int day = (int) t[i];
            if (previous < 0) {
                value = y[i];
                for (int d = 0; d <= day; d++) {
                    trend[d] = value;
                }
            } else {
                int previousDay = (int) t[previous];
                for (int d = previousDay + 1; d <= day; d++) {
                    double x = y[previous] + (y[i] - y[previous]) * (d - previousDay) / (double) (day - previousDay);
                    value += EMA_ALPHA * (x - value);
                    trend[d] = value;
                }
            }
            previous = i;
        }
        if (previous < 0) {
            return ema(t, y, new boolean[t.length]);
        }
        for (int d = (int) t[previous] + 1; d < days; d++) {
            value += EMA_ALPHA * (y[previous] - value);
            trend[d] = value;
        }
        return trend;
    }

    private static Double changeVs(double[] trend, int days) {
        int last = trend.length - 1;
        return last - days < 0 ? null : Numbers.round(trend[last] - trend[last - days], 2);
    }

    private static Series series(List<Reading> daily, double[] t, double[] trend, List<Anomaly> anomalies,
                                 Point fitStart, Point fitEnd) {
        List<Point> raw = new ArrayList<>();
        for (Reading reading : daily) {
            raw.add(new Point(reading.date(), reading.value()));
        }
        List<Point> line = new ArrayList<>();
        LocalDate origin = daily.get(0).date();
        for (int d = 0; d < trend.length; d++) {
            line.add(new Point(origin.plusDays(d), trend[d]));
        }
        List<Point> odd = anomalies.stream().map(a -> new Point(a.date(), a.value())).toList();
        return new Series(raw, line, odd, fitStart, fitEnd);
    }

    /** The goal's status and dates; see {@link GoalForecasts}. */
    private static GoalForecast forecast(Goal goal, Fit fit, LocalDate asOf) {
        return GoalForecasts.forecast(goal, fit, asOf);
    }
}
