package org.smartketing.insights.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A smart-keting score from 0 to 100, explained: each component's weight, measured value, target
 * and the points it earns. A component without data earns nothing and its weight goes to the
 * others in proportion to theirs ({@link Component#effectiveWeight}); with no data at all there
 * is no score ({@code score} null).
 */
public record SmartketingScore(Double score, List<Component> components) {

    public SmartketingScore {
        components = List.copyOf(components);
    }

    /**
     * @param value           the measured value, or null without data
     * @param effectiveWeight the weight after the weights of components without data were shared out
     * @param points          {@code effectiveWeight × attainment}, or null without data
     */
    public record Component(ScoreComponent key, int weight, Double value, double target, double effectiveWeight,
            Double points) {

        public boolean hasData() {
            return value != null;
        }
    }

    /**
     * Scores measured values: {@code points = weight × min(1, value/target)} (inverted for measures
     * where less is better), weights of components without data shared out in proportion.
     */
    public static SmartketingScore of(Map<ScoreComponent, Double> values, ScoreWeights weights) {
        double withData = 0;
        for (ScoreComponent c : ScoreComponent.values()) {
            if (usable(values.get(c))) {
                withData += weights.weight(c);
            }
        }
        List<Component> out = new ArrayList<>();
        double total = 0;
        for (ScoreComponent c : ScoreComponent.values()) {
            Double value = usable(values.get(c)) ? values.get(c) : null;
            double target = weights.target(c);
            double effective = value == null || withData == 0 ? 0 : weights.weight(c) * ScoreWeights.TOTAL / withData;
            Double points = value == null ? null : effective * c.attainment(value, target);
            total += points == null ? 0 : points;
            out.add(new Component(c, weights.weight(c), value, target, effective, points));
        }
        return new SmartketingScore(withData == 0 ? null : total, out);
    }

    private static boolean usable(Double value) {
        return value != null && !value.isNaN() && !value.isInfinite();
    }

    public Component component(ScoreComponent key) {
        return components.stream().filter(c -> c.key() == key).findFirst().orElseThrow();
    }

    /** Whether some weight was shared out because its component has no data. */
    public boolean redistributed() {
        return score != null && components.stream().anyMatch(c -> !c.hasData() && c.weight() > 0);
    }

    public List<Component> withoutData() {
        return components.stream().filter(c -> !c.hasData()).toList();
    }
}
