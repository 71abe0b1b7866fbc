package org.smartketing.insights.score;

import java.util.Arrays;
import java.util.Optional;

import org.smartketing.insights.InsightMeasures;
import org.smartketing.insights.InsightMeasures.Measure;
import org.smartketing.insights.TileKey;

/**
 * The measures the smart-keting score is built from, each with its key (stable, for the API and
 * the stored weights), its name in plain words, its unit, whether more is better, its default
 * weight and target, and the measure (with the dashboard tile whose table holds the rows behind it). Shares and the
 * goal pace are fractions (0.9 is 90 %); hours are hours.
 */
public enum ScoreComponent {
    SLA("sla", "SLA adherence", Unit.PERCENT, true, 20, 0.90, Measure.SLA_WITHIN_SHARE),
    SPEED_TO_LEAD("speed-to-lead", "Speed to lead (p90)", Unit.HOURS, false, 15, 4.0, Measure.SPEED_TO_LEAD_P90_HOURS),
    MQL_TO_SQL("mql-to-sql", "MQL to SQL conversion", Unit.PERCENT, true, 15, 0.40, Measure.MQL_TO_SQL_CONVERSION),
    REJECTIONS("rejections", "Rejection rate", Unit.PERCENT, false, 10, 0.15, Measure.REJECTION_RATE),
    FOLLOW_THROUGH("follow-through", "Meeting follow-through", Unit.PERCENT, true, 15, 0.80, Measure.FOLLOW_THROUGH_RATE),
    RESPONSIVENESS("responsiveness", "Responsiveness (acknowledged within promise)", Unit.PERCENT, true, 10, 0.90,
            Measure.ACKNOWLEDGED_WITHIN_PROMISE_SHARE),
    GOAL_PACE("goal-pace", "Goal pace", Unit.PERCENT, true, 10, 1.0, Measure.GOAL_PACE),
    CROSS_TRAINING("cross-training", "Cross-training coverage", Unit.PERCENT, true, 5, 0.50, Measure.CROSS_TRAINING_COVERAGE);

    /** How a value and its target are entered and shown. */
    public enum Unit {
        PERCENT, HOURS
    }

    private final String key;
    private final String label;
    private final Unit unit;
    private final boolean higherIsBetter;
    private final int defaultWeight;
    private final double defaultTarget;
    private final Measure measure;

    ScoreComponent(String key, String label, Unit unit, boolean higherIsBetter, int defaultWeight, double defaultTarget,
            Measure measure) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.defaultWeight = defaultWeight;
        this.defaultTarget = defaultTarget;
        this.measure = measure;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Unit unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public int defaultWeight() {
        return defaultWeight;
    }

    public double defaultTarget() {
        return defaultTarget;
    }

    /** The measure this component scores, with the rows behind it ({@link Measure#link()}). */
    public Measure measure() {
        return measure;
    }

    /** The dashboard tile whose table holds the rows behind this measure. */
    public TileKey tile() {
        return measure.link().tile();
    }

    /** This component's value among the measured ones (null: no data). */
    public Double valueIn(InsightMeasures measures) {
        return measures.values().get(measure);
    }

    /** Every component's value among the measured ones. */
    public static java.util.Map<ScoreComponent, Double> valuesIn(InsightMeasures measures) {
        java.util.Map<ScoreComponent, Double> out = new java.util.EnumMap<>(ScoreComponent.class);
        for (ScoreComponent c : values()) {
            out.put(c, c.valueIn(measures));
        }
        return out;
    }

    /**
     * The share of its weight the value earns: {@code min(1, value/target)} when more is better,
     * {@code min(1, target/value)} when less is (a value of 0 then earns all of it).
     */
    public double attainment(double value, double target) {
        if (higherIsBetter) {
            return value <= 0 ? 0 : Math.min(1, value / target);
        }
        return value <= 0 ? 1 : Math.min(1, target / value);
    }

    public static Optional<ScoreComponent> ofKey(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }
}
