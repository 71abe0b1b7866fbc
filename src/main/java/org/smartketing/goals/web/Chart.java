package org.smartketing.goals.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.smartketing.goals.progress.GoalReport;

/**
 * The goal page's chart as SVG polylines (drawn by the server: no scripts): the outcome planned
 * by each week's end, the actual so far, and the forecast from now to the period's end.
 */
record Chart(int width, int height, String planned, String actual, String forecast, double top, String targetLine) {

    static final int WIDTH = 600;
    static final int HEIGHT = 240;
    static final int PAD = 20;

    static Chart of(GoalReport report) {
        List<GoalReport.Point> points = report.chart();
        Instant start = points.get(0).at();
        Instant end = points.get(points.size() - 1).at();
        var pace = report.outcome().pace();
        double top = Math.max(report.outcome().target(), Math.max(pace.actual(), pace.forecast() == null ? 0 : pace.forecast()));
        top = top <= 0 ? 1 : top * 1.1;
        double span = Math.max(1, end.getEpochSecond() - start.getEpochSecond());
        double max = top;
        java.util.function.BiFunction<Instant, Double, String> xy = (at, v) -> String.format(Locale.ROOT, "%.1f,%.1f",
                PAD + (WIDTH - 2 * PAD) * (at.getEpochSecond() - start.getEpochSecond()) / span,
                HEIGHT - PAD - (HEIGHT - 2 * PAD) * v / max);
        String planned = points.stream().map(p -> xy.apply(p.at(), p.planned())).collect(Collectors.joining(" "));
        List<GoalReport.Point> done = points.stream().filter(p -> p.actual() != null).toList();
        Instant now = report.at().isAfter(end) ? end : report.at().isBefore(start) ? start : report.at();
        String actual = done.stream().map(p -> xy.apply(p.at(), p.actual())).collect(Collectors.joining(" "))
                + (done.isEmpty() || now.equals(end) ? "" : " " + xy.apply(now, pace.actual()));
        String forecast = pace.forecast() == null || now.equals(end) ? ""
                : xy.apply(now, pace.actual()) + " " + xy.apply(end, pace.forecast());
        String target = xy.apply(start, report.outcome().target()) + " " + xy.apply(end, report.outcome().target());
        return new Chart(WIDTH, HEIGHT, planned, actual.strip(), forecast, top, target);
    }
}
