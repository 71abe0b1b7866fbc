package org.smartketing.insights.score;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.smartketing.shared.InvalidFieldException;

/**
 * The weight (whole points, together exactly 100) and the target of every score component.
 * Built only through {@link #of}, which refuses what cannot be scored, naming the field
 * ({@code weights.sla}, {@code targets.speed-to-lead}, or {@code weights} for the sum).
 */
public record ScoreWeights(Map<ScoreComponent, Integer> weights, Map<ScoreComponent, Double> targets) {

    public static final int TOTAL = 100;

    public ScoreWeights {
        weights = java.util.Collections.unmodifiableMap(new EnumMap<>(weights));
        targets = java.util.Collections.unmodifiableMap(new EnumMap<>(targets));
    }

    public static ScoreWeights defaults() {
        Map<ScoreComponent, Integer> w = new EnumMap<>(ScoreComponent.class);
        Map<ScoreComponent, Double> t = new EnumMap<>(ScoreComponent.class);
        for (ScoreComponent c : ScoreComponent.values()) {
            w.put(c, c.defaultWeight());
            t.put(c, c.defaultTarget());
        }
        return new ScoreWeights(w, t);
    }

    /**
     * New weights and targets by component key; a component left out keeps its {@code current}
     * one. Refuses an unknown key, a weight outside 0–100, a target that is not above zero (or a
     * share above 100 %), and weights that do not add up to 100.
     */
    public static ScoreWeights of(Map<String, Integer> weights, Map<String, Double> targets, ScoreWeights current) {
        Map<ScoreComponent, Integer> w = new EnumMap<>(current.weights);
        Map<ScoreComponent, Double> t = new EnumMap<>(current.targets);
        if (weights != null) {
            weights.forEach((key, weight) -> {
                ScoreComponent c = known("weights", key);
                if (weight == null || weight < 0 || weight > TOTAL) {
                    throw new InvalidFieldException("weights." + key, "must be a whole number from 0 to 100");
                }
                w.put(c, weight);
            });
        }
        if (targets != null) {
            targets.forEach((key, target) -> {
                ScoreComponent c = known("targets", key);
                if (target == null || target.isNaN() || target <= 0) {
                    throw new InvalidFieldException("targets." + key, "must be above zero");
                }
                if (c.unit() == ScoreComponent.Unit.PERCENT && target > (c == ScoreComponent.GOAL_PACE ? 10 : 1)) {
                    throw new InvalidFieldException("targets." + key, c == ScoreComponent.GOAL_PACE
                            ? "must not be above 1000 % of plan (10 as a fraction; 1 is on plan)"
                            : "must not be above 100 % (1 as a share; 0.9 is 90 %)");
                }
                t.put(c, target);
            });
        }
        int sum = w.values().stream().mapToInt(Integer::intValue).sum();
        if (sum != TOTAL) {
            throw new InvalidFieldException("weights", "must add up to 100 (they add up to " + sum + ")");
        }
        return new ScoreWeights(w, t);
    }

    private static ScoreComponent known(String field, String key) {
        return ScoreComponent.ofKey(key).orElseThrow(() -> new InvalidFieldException(field + "." + key,
                "is not a score component (known: " + String.join(", ",
                        java.util.Arrays.stream(ScoreComponent.values()).map(ScoreComponent::key).toList()) + ")"));
    }

    public int weight(ScoreComponent c) {
        return weights.getOrDefault(c, 0);
    }

    public double target(ScoreComponent c) {
        return targets.getOrDefault(c, c.defaultTarget());
    }

    /** By key, in the components' order: what the audit log and the history keep. */
    public Map<String, Map<String, Number>> byKey() {
        Map<String, Map<String, Number>> out = new LinkedHashMap<>();
        for (ScoreComponent c : ScoreComponent.values()) {
            out.put(c.key(), Map.of("weight", weight(c), "target", target(c)));
        }
        return out;
    }
}
