package com.fitnesscrm.orchestrator.progress.engine;

import com.fitnesscrm.orchestrator.progress.Metric;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Goal;
import com.fitnesscrm.orchestrator.progress.ProgressInput.Reading;
import com.fitnesscrm.orchestrator.progress.ProgressInput;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Body-weight series with a known truth, as issue 5 asks: a linear trend (or a loss phase then a plateau), Gaussian
 * noise, a weekly water swing, 15% missing days and single-day spikes.
 *
 * @param truth      the true (noise-free) weight on each day
 * @param spikes     the days that carry a spike and were not missing
 * @param plateau    whether the series ends in a plateau
 * @param trueRate   the true weekly rate at the end
 */
record SyntheticSeries(LocalDate start, List<Reading> readings, double[] truth, Set<LocalDate> spikes,
                       boolean plateau, double trueRate, double noise) {

    static final LocalDate START = LocalDate.of(2026, 1, 5);

    LocalDate lastDay() {
        return START.plusDays(truth.length - 1);
    }

    /** A goal {@code weeksAhead} weeks of the true rate beyond the true end level, and the day it is truly met. */
    Goal goalAhead(double weeksAhead) {
        double end = truth[truth.length - 1];
        return new Goal(Metric.WEIGHT_KG, end + trueRate * weeksAhead, null);
    }

    ProgressInput input(List<Goal> goals) {
        return new ProgressInput("synthetic", lastDay(), readings, List.of(), List.of(), goals);
    }

    static SyntheticSeries linear(Random random, double weeklyRate, int days) {
        double[] truth = new double[days];
        double startWeight = 70 + random.nextDouble() * 30;
        for (int d = 0; d < days; d++) {
            truth[d] = startWeight + weeklyRate * d / 7;
        }
        return noisy(random, truth, false, weeklyRate);
    }

    static SyntheticSeries plateauAfterLoss(Random random) {
        int lossDays = 28 + random.nextInt(15);
        int flatDays = 28 + random.nextInt(8);
        double rate = -(0.4 + random.nextDouble() * 0.6);
        double[] truth = new double[lossDays + flatDays];
        double startWeight = 75 + random.nextDouble() * 30;
        for (int d = 0; d < truth.length; d++) {
            truth[d] = startWeight + rate * Math.min(d, lossDays) / 7;
        }
        return noisy(random, truth, true, 0);
    }

    private static SyntheticSeries noisy(Random random, double[] truth, boolean plateau, double trueRate) {
        double sigma = 0.3 + random.nextDouble() * 0.7;
        double swing = 0.3 + random.nextDouble() * 0.5;
        double phase = random.nextDouble() * 2 * Math.PI;
        // A spike is a day far off the trend (a misread scale, a typo, a salty dinner): 6–9 times the day-to-day
        // spread, which is at least ~2 kg and at most ~10 kg here.
        double dayToDay = Math.sqrt(sigma * sigma + swing * swing / 2);
        int spikeCount = random.nextInt(3);
        Set<Integer> spikeDays = new HashSet<>();
        while (spikeDays.size() < spikeCount) {
            spikeDays.add(1 + random.nextInt(truth.length - 1));
        }
        List<Reading> readings = new ArrayList<>();
        Set<LocalDate> spikes = new HashSet<>();
        for (int d = 0; d < truth.length; d++) {
            if (d > 0 && d < truth.length - 1 && random.nextDouble() < 0.15) {
                continue;
            }
            double value = truth[d] + sigma * random.nextGaussian() + swing * Math.sin(2 * Math.PI * d / 7 + phase);
            if (spikeDays.contains(d)) {
                value += (random.nextBoolean() ? 1 : -1) * (6 + 3 * random.nextDouble()) * dayToDay;
                spikes.add(START.plusDays(d));
            }
            readings.add(new Reading(START.plusDays(d), Metric.WEIGHT_KG, Math.round(value * 10) / 10.0));
        }
        return new SyntheticSeries(START, readings, truth, spikes, plateau, trueRate, sigma);
    }
}
