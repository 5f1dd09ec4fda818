package com.fitnesscrm.orchestrator.base.ui;

import java.util.Locale;

/**
 * The shapes the server-side charts are drawn with (progress, workouts, health): SVG elements with a CSS class for the
 * theme and presentation attributes as the fallback colours. Every text goes through {@link #escape}; numbers are
 * formatted with {@link Locale#ROOT} so that a German server still writes {@code 1.5}, not {@code 1,5}.
 */
public final class Svg {

    private Svg() {
    }

    public static String rect(double x, double y, double w, double h, String fill, String opacity, String css) {
        return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
                + "fill=\"%s\" fill-opacity=\"%s\"/>", css, x, y, w, h, fill, opacity);
    }

    public static String line(double x1, double y1, double x2, double y2, String stroke, String width, String dash,
                              String css) {
        return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                + "stroke=\"%s\" stroke-width=\"%s\"%s/>", css, x1, y1, x2, y2, stroke, width,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    public static String circle(double x, double y, double r, String fill, String stroke, String css) {
        return String.format(Locale.ROOT, "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"%s/>",
                css, x, y, r, fill, stroke == null ? "" : " stroke=\"" + stroke + "\" stroke-width=\"2\"");
    }

    /** A text at {@code x, y}; {@code anchor} {@code start} (null), {@code middle} or {@code end}. */
    public static String text(double x, double y, String content, String fill, String css, String anchor) {
        return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" fill=\"%s\"%s>%s</text>", css, x,
                y, fill, anchor == null ? "" : " text-anchor=\"" + anchor + "\"", escape(content));
    }

    /** {@code text} with the five characters XML gives a meaning escaped, for text and attribute values alike. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
