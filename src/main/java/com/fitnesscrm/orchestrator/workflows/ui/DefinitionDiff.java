package com.fitnesscrm.orchestrator.workflows.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fitnesscrm.orchestrator.base.ui.JsonView;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines two versions' definitions differ in, as the versions dialog shows them: both pretty-printed, then a
 * longest-common-subsequence line diff. Definitions are tens to a few hundred lines, so the quadratic table is small.
 */
final class DefinitionDiff {

    /** Of both versions ({@code ' '}), only the older ({@code '-'}) or only the newer ({@code '+'}). */
    record Line(char change, String text) {

        String sign() {
            return String.valueOf(change);
        }
    }

    private DefinitionDiff() {
    }

    static List<Line> between(JsonNode before, JsonNode after) {
        return lines(JsonView.pretty(before).split("\n"), JsonView.pretty(after).split("\n"));
    }

    static List<Line> lines(String[] a, String[] b) {
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> diff = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                diff.add(new Line(' ', a[i++]));
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                diff.add(new Line('-', a[i++]));
            } else {
                diff.add(new Line('+', b[j++]));
            }
        }
        while (i < a.length) {
            diff.add(new Line('-', a[i++]));
        }
        while (j < b.length) {
            diff.add(new Line('+', b[j++]));
        }
        return diff;
    }

    /** Only the changed lines, for a quick look; empty when the versions are the same. */
    static List<Line> changes(List<Line> diff) {
        return diff.stream().filter(line -> line.change() != ' ').toList();
    }
}
