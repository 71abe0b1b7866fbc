package org.smartketing.insights.assessment;

import org.smartketing.insights.InsightMeasures.Measure;

/**
 * The six dimensions of sales and marketing alignment the self-assessment asks about, each beside
 * the measured value that tells the same story in the data.
 *
 * @param label    the dimension as a heading says it
 * @param topic    what the statements rate, as a sentence says it ("marketing rates lead quality 4.1")
 * @param measure  the measured value shown beside the answers
 * @param measured what that value is, as a sentence says it ("measured rejection rate 31 %")
 */
public enum Dimension {
    RELATIONSHIPS("Relationships", "the relationship", Measure.ACKNOWLEDGED_WITHIN_PROMISE_SHARE,
            "messages acknowledged within their promise"),
    METRICS("Metrics", "shared metrics", Measure.SLA_WITHIN_SHARE, "leads contacted within the SLA"),
    LEAD_GENERATION("Lead generation and pipeline", "lead quality", Measure.REJECTION_RATE, "rejection rate"),
    CULTURE("Culture", "the shared culture", Measure.FOLLOW_THROUGH_RATE, "meeting follow-through"),
    SYSTEMS("Systems", "the systems", Measure.SPEED_TO_LEAD_MEDIAN_HOURS, "speed to lead (median)"),
    MESSAGING("Messaging", "the messaging", Measure.MQL_TO_SQL_CONVERSION, "MQL to SQL conversion");

    private final String label;
    private final String topic;
    private final Measure measure;
    private final String measured;

    Dimension(String label, String topic, Measure measure, String measured) {
        this.label = label;
        this.topic = topic;
        this.measure = measure;
        this.measured = measured;
    }

    public String label() {
        return label;
    }

    public String topic() {
        return topic;
    }

    public Measure measure() {
        return measure;
    }

    public String measured() {
        return measured;
    }

    /** The measured value in words: a share as a whole percent, hours with one decimal; null: no data yet. */
    public String format(Double value) {
        if (value == null) {
            return null;
        }
        if (measure == Measure.SPEED_TO_LEAD_MEDIAN_HOURS) {
            return String.format(java.util.Locale.ENGLISH, "%.1f h", value);
        }
        return Math.round(value * 100) + " %";
    }
}
