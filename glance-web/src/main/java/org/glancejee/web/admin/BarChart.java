package org.glancejee.web.admin;

import org.glancejee.service.ImageStatistics;

import java.util.List;
import java.util.Map;

/**
 * A horizontal bar chart the templates draw as SVG: one bar per row, its length in percent of the largest
 * value, with a label and the value in words.
 */
public record BarChart(List<Bar> bars) {
    /** Rows are this many pixels apart in the SVG. */
    public static final int ROW = 26;

    public record Bar(String label, long value, String text, double percent, int y) {
    }

    public int height() {
        return Math.max(ROW, bars.size() * ROW);
    }

    public boolean empty() {
        return bars.isEmpty();
    }

    static BarChart counts(Map<String, Long> counts) {
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int[] row = {0};
        return new BarChart(counts.entrySet().stream().map(e -> new Bar(e.getKey().isEmpty() ? "(none)" : e.getKey(),
                e.getValue(), String.valueOf(e.getValue()), percent(e.getValue(), max), row[0]++ * ROW)).toList());
    }

    static BarChart bytes(List<ImageStatistics.Usage> usage) {
        long max = usage.stream().mapToLong(ImageStatistics.Usage::bytes).max().orElse(1);
        int[] row = {0};
        return new BarChart(usage.stream().map(u -> new Bar(u.name().isEmpty() ? "(no owner)" : u.name(), u.bytes(),
                AdminPages.bytes(u.bytes()) + " in " + u.images() + (u.images() == 1 ? " image" : " images"),
                percent(u.bytes(), max), row[0]++ * ROW)).toList());
    }

    private static double percent(long value, long max) {
        return max <= 0 ? 0 : Math.max(1, Math.round(1000.0 * value / max) / 10.0);
    }
}
