package org.smartketing.insights.score;

import java.util.Arrays;
import java.util.Optional;

import org.smartketing.insights.TileKey;

/**
 * The measures the smart-keting score is built from, each with its key (stable, for the API and
 * the stored weights), its name in plain words, its unit, whether more is better, its default
 * weight and target, and the dashboard tile whose table holds the rows behind it. Shares and the
 * goal pace are fractions (0.9 is 90 %); hours are hours.
 */
public enum ScoreComponent {
    SLA("sla", "SLA adherence", Unit.PERCENT, true, 20, 0.90, TileKey.SLA),
    SPEED_TO_LEAD("speed-to-lead", "Speed to lead (p90)", Unit.HOURS, false, 15, 4.0, TileKey.SLA),
    MQL_TO_SQL("mql-to-sql", "MQL to SQL conversion", Unit.PERCENT, true, 15, 0.40, TileKey.FUNNEL),
    REJECTIONS("rejections", "Rejection rate", Unit.PERCENT, false, 10, 0.15, TileKey.REJECTIONS),
    FOLLOW_THROUGH("follow-through", "Meeting follow-through", Unit.PERCENT, true, 15, 0.80, TileKey.FOLLOW_THROUGH),
    RESPONSIVENESS("responsiveness", "Responsiveness (acknowledged within promise)", Unit.PERCENT, true, 10, 0.90,
            TileKey.RESPONSIVENESS),
    GOAL_PACE("goal-pace", "Goal pace", Unit.PERCENT, true, 10, 1.0, TileKey.GOALS),
    CROSS_TRAINING("cross-training", "Cross-training coverage", Unit.PERCENT, true, 5, 0.50, TileKey.CROSS_TRAINING);

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
    private final TileKey tile;

    ScoreComponent(String key, String label, Unit unit, boolean higherIsBetter, int defaultWeight, double defaultTarget,
            TileKey tile) {
        this.key = key;
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.defaultWeight = defaultWeight;
        this.defaultTarget = defaultTarget;
        this.tile = tile;
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

    /** The dashboard tile whose table holds the rows behind this measure. */
    public TileKey tile() {
        return tile;
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
