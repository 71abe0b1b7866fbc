package org.smartketing.insights.score;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each week's change explained by the component that moved most. */
class ScoreTrendTests {

    static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    /** Every component at its target, speed to lead as given. */
    static Map<ScoreComponent, Double> atTarget(double speedToLeadHours) {
        Map<ScoreComponent, Double> v = new EnumMap<>(ScoreComponent.class);
        for (ScoreComponent c : ScoreComponent.values()) {
            v.put(c, c.defaultTarget());
        }
        v.put(ScoreComponent.SPEED_TO_LEAD, speedToLeadHours);
        return v;
    }

    @Test
    void explainsAWeeksDropByTheComponentThatMovedMost() {
        // speed to lead's target 6.6 h: at 3 h all 15 points, at 9 h 15 × 6.6/9 = 11, so −4
        ScoreWeights weights = ScoreWeights.of(null, Map.of("speed-to-lead", 6.6), ScoreWeights.defaults());
        Map<ScoreComponent, Double> dip = atTarget(9);
        dip.put(ScoreComponent.SLA, 0.9 * 0.995); // a small move elsewhere: −0.1

        ScoreTrend trend = ScoreTrend.of(List.of(
                new ScoreTrend.Point(MONDAY, SmartketingScore.of(atTarget(3), weights)),
                new ScoreTrend.Point(MONDAY.plusWeeks(1), SmartketingScore.of(dip, weights)),
                new ScoreTrend.Point(MONDAY.plusWeeks(2), SmartketingScore.of(dip, weights))), new ScoreTexts(Locale.UK));

        assertThat(trend.weeks().get(0).explanation()).isNull();
        ScoreTrend.Week week = trend.weeks().get(1);
        assertThat(week.change()).isCloseTo(-4.1, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(week.movedMost()).isEqualTo(ScoreComponent.SPEED_TO_LEAD);
        assertThat(week.explanation()).isEqualTo("\u22124.1: speed to lead (p90) rose from 3 h to 9 h");
        assertThat(trend.weeks().get(2).explanation()).isEqualTo("\u00b10: no component moved");
    }

    @Test
    void explainsARiseAndAComponentThatLostItsData() {
        ScoreWeights weights = ScoreWeights.defaults();
        Map<ScoreComponent, Double> before = atTarget(3);
        before.put(ScoreComponent.SLA, 0.45); // 10 of 20
        Map<ScoreComponent, Double> after = atTarget(3);
        after.put(ScoreComponent.SLA, 0.9);
        after.put(ScoreComponent.CROSS_TRAINING, null);

        ScoreTrend trend = ScoreTrend.of(List.of(new ScoreTrend.Point(MONDAY, SmartketingScore.of(before, weights)),
                new ScoreTrend.Point(MONDAY.plusWeeks(1), SmartketingScore.of(after, weights))), new ScoreTexts(Locale.UK));

        assertThat(trend.weeks().get(1).explanation()).isEqualTo("+10: SLA adherence rose from 45% to 90%");
        List<ScoreTrend.Moved> moved = ScoreTrend.moved(SmartketingScore.of(before, weights), SmartketingScore.of(after, weights));
        assertThat(moved).extracting(ScoreTrend.Moved::key).contains(ScoreComponent.CROSS_TRAINING);
        assertThat(moved.stream().filter(m -> m.key() == ScoreComponent.CROSS_TRAINING).findFirst().orElseThrow()
                .describe(new ScoreTexts(Locale.UK))).isEqualTo("cross-training coverage had no data (it was 50%)");
    }

    @Test
    void theDemoQuarterDipsWhenSpeedToLeadRoseFrom3To9Hours() {
        List<ScoreTrend.Point> points = new java.util.ArrayList<>();
        for (int week = 0; week < ScoreDemo.WEEKS; week++) {
            points.add(new ScoreTrend.Point(MONDAY.plusWeeks(week), SmartketingScore.of(ScoreDemo.values(week),
                    ScoreWeights.defaults())));
        }
        ScoreTrend trend = ScoreTrend.of(points, new ScoreTexts(Locale.UK));

        ScoreTrend.Week dip = trend.weeks().get(ScoreDemo.DIP);
        assertThat(dip.change()).isLessThan(-5);
        assertThat(dip.explanation()).endsWith("speed to lead (p90) rose from 3 h to 9 h");
        assertThat(trend.weeks().get(ScoreDemo.DIP + 1).change()).as("the recovery").isPositive();
    }
}
