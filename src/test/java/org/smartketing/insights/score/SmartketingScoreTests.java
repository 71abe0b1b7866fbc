package org.smartketing.insights.score;

import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smartketing.insights.InsightMeasures;
import org.smartketing.shared.InvalidFieldException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The score worked out by hand for fixed measures, with the default weights and targets. */
class SmartketingScoreTests {

    /** SLA 82 %, p90 8 h, MQL→SQL 30 %, rejections 20 %, follow-through 80 %, responsiveness 90 %, pace 50 %, coverage 25 %. */
    static final InsightMeasures MEASURES = new InsightMeasures(0.82, 2.0, 8.0, 0.30, 0.20, 0.80, 0.90, 3L, 0.50, 0.25);

    /**
     * By hand: SLA 20 × 0.82/0.90 = 18.2222; speed to lead 15 × 4/8 = 7.5; MQL→SQL 15 × 0.30/0.40 =
     * 11.25; rejections 10 × 0.15/0.20 = 7.5; follow-through 15 × 1 = 15; responsiveness 10 × 1 = 10;
     * goal pace 10 × 0.5 = 5; cross-training 5 × 0.25/0.50 = 2.5. Together 76.9722.
     */
    static final double BY_HAND = 18.2222 + 7.5 + 11.25 + 7.5 + 15 + 10 + 5 + 2.5;

    @Test
    void scoresEachComponentAsItsWeightTimesHowCloseItComesToItsTarget() {
        SmartketingScore s = SmartketingScore.of(ScoreComponent.valuesIn(MEASURES), ScoreWeights.defaults());

        assertThat(s.score()).isCloseTo(BY_HAND, within(0.001));
        assertThat(s.component(ScoreComponent.SLA).points()).isCloseTo(18.222, within(0.001));
        assertThat(s.component(ScoreComponent.SPEED_TO_LEAD).points()).as("less is better: 15 × 4 h / 8 h").isEqualTo(7.5);
        assertThat(s.component(ScoreComponent.REJECTIONS).points()).as("less is better: 10 × 15 % / 20 %").isCloseTo(7.5, within(1e-9));
        assertThat(s.component(ScoreComponent.FOLLOW_THROUGH).points()).as("capped at the weight").isEqualTo(15);
        assertThat(s.redistributed()).isFalse();
        assertThat(new ScoreTexts(Locale.UK).line(s.component(ScoreComponent.SLA)))
                .isEqualTo("SLA adherence 82% of 90% \u2192 18.2 of 20");
    }

    @Test
    void sharesOutTheWeightOfAComponentWithoutDataInProportionAndSaysSo() {
        InsightMeasures noRejections = new InsightMeasures(0.82, 2.0, 8.0, 0.30, null, 0.80, 0.90, 3L, 0.50, 0.25);

        SmartketingScore s = SmartketingScore.of(ScoreComponent.valuesIn(noRejections), ScoreWeights.defaults());

        // the other 90 points of weight become 100: each weight × 100/90
        assertThat(s.component(ScoreComponent.SLA).effectiveWeight()).isCloseTo(20 * 100 / 90.0, within(1e-9));
        assertThat(s.component(ScoreComponent.REJECTIONS).points()).isNull();
        assertThat(s.score()).isCloseTo((BY_HAND - 7.5) * 100 / 90.0, within(0.001));
        assertThat(s.redistributed()).isTrue();
        assertThat(new ScoreTexts(Locale.UK).line(s.component(ScoreComponent.REJECTIONS))).isEqualTo("Rejection rate: no data");
    }

    @Test
    void hasNoScoreWithoutAnyData() {
        SmartketingScore s = SmartketingScore.of(Map.of(), ScoreWeights.defaults());

        assertThat(s.score()).isNull();
        assertThat(s.components()).allSatisfy(c -> assertThat(c.points()).isNull());
    }

    @Test
    void aLowerIsBetterMeasureAtZeroEarnsItsWholeWeight() {
        assertThat(ScoreComponent.REJECTIONS.attainment(0, 0.15)).isEqualTo(1);
        assertThat(ScoreComponent.SLA.attainment(0, 0.9)).isZero();
    }

    @Test
    void refusesWeightsThatDoNotAddUpTo100NamingTheField() {
        assertThatThrownBy(() -> ScoreWeights.of(Map.of("sla", 25), null, ScoreWeights.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("weights");
                    assertThat(ex.getMessage()).contains("add up to 100", "105");
                });
        assertThatThrownBy(() -> ScoreWeights.of(Map.of("sla", -5), null, ScoreWeights.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("weights.sla"));
        assertThatThrownBy(() -> ScoreWeights.of(Map.of("luck", 5), null, ScoreWeights.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("weights.luck"));
        assertThatThrownBy(() -> ScoreWeights.of(null, Map.of("speed-to-lead", 0.0), ScoreWeights.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class,
                        ex -> assertThat(ex.field()).isEqualTo("targets.speed-to-lead"));
        assertThatThrownBy(() -> ScoreWeights.of(null, Map.of("sla", 1.5), ScoreWeights.defaults()))
                .isInstanceOfSatisfying(InvalidFieldException.class, ex -> assertThat(ex.field()).isEqualTo("targets.sla"));

        ScoreWeights moved = ScoreWeights.of(Map.of("sla", 25, "cross-training", 0), Map.of("sla", 0.95), ScoreWeights.defaults());
        assertThat(moved.weight(ScoreComponent.SLA)).isEqualTo(25);
        assertThat(moved.target(ScoreComponent.SLA)).isEqualTo(0.95);
        assertThat(moved.weight(ScoreComponent.MQL_TO_SQL)).as("left out: kept").isEqualTo(15);
    }
}
