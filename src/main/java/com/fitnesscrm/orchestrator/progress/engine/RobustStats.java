package com.fitnesscrm.orchestrator.progress.engine;

import java.util.Arrays;

/**
 * The robust statistics the Progress Monitor rests on: median, MAD, Theil–Sen slope with Sen's confidence interval,
 * and a one-break (hinge) search. Plain arrays, no allocation beyond what the sort needs: a year of daily data must
 * be analysed in well under 20 ms.
 */
final class RobustStats {

    /** z of the two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    /** 1 / Φ⁻¹(0.75): turns a MAD into a standard deviation for normal data. */
    static final double MAD_TO_SD = 1.4826;

    private RobustStats() {
    }

    static double median(double[] values, int from, int to) {
        double[] copy = Arrays.copyOfRange(values, from, to);
        Arrays.sort(copy);
        int n = copy.length;
        return n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    static double median(double[] values) {
        return median(values, 0, values.length);
    }

    /** The median absolute deviation from the median, unscaled. */
    static double mad(double[] values) {
        double center = median(values);
        double[] deviations = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            deviations[i] = Math.abs(values[i] - center);
        }
        return median(deviations);
    }

    /**
     * A Theil–Sen line through ({@code t}, {@code y}): slope = the median of all pairwise slopes, the 95% interval
     * by Sen (1968) from the variance of Kendall's S, n(n−1)(2n+5)/18 (the days are distinct, so no ties in t).
     * The level is given at the mean of {@code t}, where it is nearly independent of the slope.
     *
     * @return the fit; {@code low}/{@code high} are NaN when there are too few points for a 95% interval
     */
    static Line theilSen(double[] t, double[] y, int from, int to) {
        int n = to - from;
        int pairs = n * (n - 1) / 2;
        double[] slopes = new double[pairs];
        int k = 0;
        for (int i = from; i < to; i++) {
            for (int j = i + 1; j < to; j++) {
                slopes[k++] = (y[j] - y[i]) / (t[j] - t[i]);
            }
        }
        Arrays.sort(slopes);
        double slope = pairs % 2 == 1 ? slopes[pairs / 2] : (slopes[pairs / 2 - 1] + slopes[pairs / 2]) / 2;
        double c = Z95 * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5) / 18);
        long lower = Math.round((pairs - c) / 2);      // 1-based rank of the lower bound
        long upper = Math.round((pairs + c) / 2) + 1;  // 1-based rank of the upper bound
        double low = lower >= 1 && upper <= pairs ? slopes[(int) lower - 1] : Double.NaN;
        double high = lower >= 1 && upper <= pairs ? slopes[(int) upper - 1] : Double.NaN;
        double center = 0;
        for (int i = from; i < to; i++) {
            center += t[i];
        }
        center /= n;
        double[] levels = new double[n];
        for (int i = from; i < to; i++) {
            levels[i - from] = y[i] - slope * (t[i] - center);
        }
        double level = median(levels);
        double[] residuals = new double[n];
        for (int i = from; i < to; i++) {
            residuals[i - from] = y[i] - (level + slope * (t[i] - center));
        }
        double spread = MAD_TO_SD * mad(residuals);
        return new Line(slope, low, high, center, level, spread, n);
    }

    /**
     * The best single break for a continuous two-piece line (a hinge) by least squares, searched over whole days
     * with at least {@code minSegment} days on each side, and its F statistic against one straight line.
     *
     * @return {@code [breakDay, F]}, or {@code null} when the span is too short to search
     */
    static double[] bestHinge(double[] t, double[] y, int from, int to, int minSegment) {
        int n = to - from;
        if (n < 8 || t[to - 1] - t[from] < 2.0 * minSegment) {
            return null;
        }
        double rssLine = rssLine(t, y, from, to);
        double bestRss = Double.POSITIVE_INFINITY;
        double bestBreak = Double.NaN;
        for (double b = t[from] + minSegment; b <= t[to - 1] - minSegment; b++) {
            double rss = rssHinge(t, y, from, to, b);
            if (rss < bestRss) {
                bestRss = rss;
                bestBreak = b;
            }
        }
        if (Double.isNaN(bestBreak) || bestRss <= 0) {
            return null;
        }
        double f = (rssLine - bestRss) / (bestRss / (n - 3));
        return new double[] {bestBreak, f};
    }

    private static double rssLine(double[] t, double[] y, int from, int to) {
        int n = to - from;
        double st = 0;
        double sy = 0;
        for (int i = from; i < to; i++) {
            st += t[i];
            sy += y[i];
        }
        double mt = st / n;
        double my = sy / n;
        double stt = 0;
        double sty = 0;
        for (int i = from; i < to; i++) {
            stt += (t[i] - mt) * (t[i] - mt);
            sty += (t[i] - mt) * (y[i] - my);
        }
        double slope = sty / stt;
        double rss = 0;
        for (int i = from; i < to; i++) {
            double r = y[i] - my - slope * (t[i] - mt);
            rss += r * r;
        }
        return rss;
    }

    /** Least squares of y = a + b·t + c·max(0, t − knot), by the 3×3 normal equations. */
    private static double rssHinge(double[] t, double[] y, int from, int to, double knot) {
        double[][] xtx = new double[3][3];
        double[] xty = new double[3];
        double[] x = new double[3];
        for (int i = from; i < to; i++) {
            x[0] = 1;
            x[1] = t[i] - t[from];
            x[2] = Math.max(0, t[i] - knot);
            for (int r = 0; r < 3; r++) {
                xty[r] += x[r] * y[i];
                for (int c = 0; c < 3; c++) {
                    xtx[r][c] += x[r] * x[c];
                }
            }
        }
        double[] beta = solve3(xtx, xty);
        if (beta == null) {
            return Double.POSITIVE_INFINITY;
        }
        double rss = 0;
        for (int i = from; i < to; i++) {
            double fit = beta[0] + beta[1] * (t[i] - t[from]) + beta[2] * Math.max(0, t[i] - knot);
            rss += (y[i] - fit) * (y[i] - fit);
        }
        return rss;
    }

    private static double[] solve3(double[][] a, double[] b) {
        double det = det3(a);
        if (Math.abs(det) < 1e-12) {
            return null;
        }
        double[] result = new double[3];
        for (int col = 0; col < 3; col++) {
            double[][] m = new double[3][];
            for (int r = 0; r < 3; r++) {
                m[r] = a[r].clone();
                m[r][col] = b[r];
            }
            result[col] = det3(m) / det;
        }
        return result;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    /**
     * A robust line: {@code slope} per unit of t with its 95% interval, {@code level} at t = {@code center}, and
     * {@code spread}, the residuals' robust standard deviation.
     */
    record Line(double slope, double low, double high, double center, double level, double spread, int n) {

        public double at(double t) {
            return level + slope * (t - center);
        }

        public boolean hasInterval() {
            return !Double.isNaN(low) && !Double.isNaN(high);
        }
    }
}
