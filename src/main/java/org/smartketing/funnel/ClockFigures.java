package org.smartketing.funnel;

/**
 * One handoff clock's figures over a set of runs: how many ran and completed, the working hours
 * to complete (median and 90th percentile, {@link org.smartketing.shared.Percentiles}, two
 * decimals; null without completed runs), how many completed within the SLA, the breaches, and the
 * share within (null when nothing was decided yet).
 */
public record ClockFigures(int runs, int completed, Double medianHours, Double p90Hours, int withinSla, int breaches,
        Double shareWithinSla) {
}
