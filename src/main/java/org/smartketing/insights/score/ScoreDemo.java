package org.smartketing.insights.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;

import org.smartketing.team.DemoCompanyFilled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's quarter of weekly scores: thirteen weeks up to the last one that has ended,
 * steady around 75 with a dip four weeks ago, when speed to lead (p90) rose from 3 h to 9 h while two
 * reps were out, and the recovery after. Scored with the default weights, as the job would have.
 */
@Component
class ScoreDemo {

    static final int WEEKS = 13;
    /** Which of the weeks (0: the oldest) has the dip. */
    static final int DIP = 9;

    private final SmartketingScores scores;

    ScoreDemo(SmartketingScores scores) {
        this.scores = scores;
    }

    /** Synchronous on purpose, inside the transaction that creates the demo company (see FunnelDemo). */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        LocalDate last = scores.lastWeekStart();
        ScoreWeights weights = ScoreWeights.defaults();
        for (int week = 0; week < WEEKS; week++) {
            LocalDate monday = last.minusWeeks(WEEKS - 1L - week);
            Instant takenAt = monday.plusWeeks(1).atTime(LocalTime.of(0, 30)).toInstant(ZoneOffset.UTC);
            scores.keep(monday, SmartketingScore.of(values(week), weights), takenAt);
        }
    }

    /** A week's measured values: small week-to-week moves, the dip in speed to lead and its recovery. */
    static Map<ScoreComponent, Double> values(int week) {
        Map<ScoreComponent, Double> v = new EnumMap<>(ScoreComponent.class);
        double wobble = ((week * 7) % 5 - 2) / 100.0; // −2 … +2 points of a share, the same every run
        v.put(ScoreComponent.SLA, 0.80 + wobble + (week == DIP ? -0.08 : 0));
        v.put(ScoreComponent.SPEED_TO_LEAD, week == DIP ? 9.0 : week == DIP + 1 ? 5.0 : 3.0);
        v.put(ScoreComponent.MQL_TO_SQL, 0.30 + week * 0.004);
        v.put(ScoreComponent.REJECTIONS, 0.22 - week * 0.004);
        v.put(ScoreComponent.FOLLOW_THROUGH, 0.66 + wobble);
        v.put(ScoreComponent.RESPONSIVENESS, 0.84 - wobble / 2);
        v.put(ScoreComponent.GOAL_PACE, week < 4 ? null : 0.78 + (week - 4) * 0.01);
        v.put(ScoreComponent.CROSS_TRAINING, 0.25 + week * 0.01);
        return v;
    }
}
