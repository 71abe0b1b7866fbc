package org.smartketing.insights;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The measured values a smart-keting score is built from, over one {@link InsightFilter}; each null
 * when there is no data to measure it by. Shares run from 0 to 1.
 *
 * @param slaWithinShare                 of the decided first-contact clocks, the share completed within the SLA
 * @param speedToLeadMedianHours         working hours from the handoff to first contact, median
 * @param speedToLeadP90Hours            the same, 90th percentile
 * @param mqlToSqlConversion             leads that became SQL ÷ leads that became MQL on the days
 * @param rejectionRate                  leads sales rejected ÷ leads that became MQL on the days
 * @param followThroughRate              committed action items done on time ÷ those judged
 * @param acknowledgedWithinPromiseShare messages acknowledged within the promised time ÷ those decided
 * @param urgentNeverAcknowledged        URGENT messages never acknowledged
 * @param goalPace                       actual ÷ planned so far, over the goals of the period (1: on plan)
 * @param crossTrainingCoverage          covered cells of the coverage matrix ÷ all cells
 */
public record InsightMeasures(Double slaWithinShare, Double speedToLeadMedianHours, Double speedToLeadP90Hours,
        Double mqlToSqlConversion, Double rejectionRate, Double followThroughRate,
        Double acknowledgedWithinPromiseShare, Long urgentNeverAcknowledged, Double goalPace,
        Double crossTrainingCoverage) {

    /** Each measure by name, with where its rows are. */
    public enum Measure {
        SLA_WITHIN_SHARE(TileKey.SLA, "within_sla", "within=no"),
        SPEED_TO_LEAD_MEDIAN_HOURS(TileKey.SLA, "median_hours", null),
        SPEED_TO_LEAD_P90_HOURS(TileKey.SLA, "p90_hours", null),
        MQL_TO_SQL_CONVERSION(TileKey.FUNNEL, "mql_to_sql", null),
        REJECTION_RATE(TileKey.REJECTIONS, "rejection_rate", "stage=REJECTED"),
        FOLLOW_THROUGH_RATE(TileKey.FOLLOW_THROUGH, "rate", null),
        ACKNOWLEDGED_WITHIN_PROMISE_SHARE(TileKey.RESPONSIVENESS, "share_kept", null),
        URGENT_NEVER_ACKNOWLEDGED(TileKey.RESPONSIVENESS, "urgent_never", "urgent_never>0"),
        GOAL_PACE(TileKey.GOALS, "pace", null),
        CROSS_TRAINING_COVERAGE(TileKey.CROSS_TRAINING, "coverage", null);

        private final TileKey tile;
        private final String headline;
        private final String rows;

        Measure(TileKey tile, String headline, String rows) {
            this.tile = tile;
            this.headline = headline;
            this.rows = rows;
        }

        /** Where the rows behind this measure are: the tile, its headline with this value, and a row filter. */
        public Link link() {
            return new Link(tile, headline, rows);
        }
    }

    /**
     * The rows behind a measure.
     *
     * @param headline the key of the tile's headline that shows the measured value
     * @param rows     which of the tile's rows matter most, as {@code column=value} (or
     *                 {@code column>0}) on the tile's column keys; null: all of them
     */
    public record Link(TileKey tile, String headline, String rows) {

        /** The API address of the rows for a filter: {@code /api/v1/insights/sla?from=...}. */
        public String href(InsightFilter filter) {
            StringBuilder out = new StringBuilder("/api/v1/insights/").append(tile.path());
            char sep = '?';
            for (Map.Entry<String, String> p : filter.asParameters().entrySet()) {
                out.append(sep).append(p.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8));
                sep = '&';
            }
            return out.toString();
        }
    }

    /** The values by measure, in the measures' order (nulls kept). */
    public Map<Measure, Double> values() {
        Map<Measure, Double> values = new LinkedHashMap<>();
        values.put(Measure.SLA_WITHIN_SHARE, slaWithinShare);
        values.put(Measure.SPEED_TO_LEAD_MEDIAN_HOURS, speedToLeadMedianHours);
        values.put(Measure.SPEED_TO_LEAD_P90_HOURS, speedToLeadP90Hours);
        values.put(Measure.MQL_TO_SQL_CONVERSION, mqlToSqlConversion);
        values.put(Measure.REJECTION_RATE, rejectionRate);
        values.put(Measure.FOLLOW_THROUGH_RATE, followThroughRate);
        values.put(Measure.ACKNOWLEDGED_WITHIN_PROMISE_SHARE, acknowledgedWithinPromiseShare);
        values.put(Measure.URGENT_NEVER_ACKNOWLEDGED,
                urgentNeverAcknowledged == null ? null : urgentNeverAcknowledged.doubleValue());
        values.put(Measure.GOAL_PACE, goalPace);
        values.put(Measure.CROSS_TRAINING_COVERAGE, crossTrainingCoverage);
        return values;
    }
}
