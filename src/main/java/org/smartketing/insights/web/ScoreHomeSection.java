package org.smartketing.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreTrend;
import org.smartketing.insights.score.SmartketingScore;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.team.AppRole;
import org.smartketing.team.HomeSection;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A manager's home page: the smart-keting score of the last seven days (in the manager's zone) and
 * the three components that moved most since the seven days before, each linked to its rows.
 */
@Component
class ScoreHomeSection implements HomeSection {

    /** What the home page shows: the score, its change, and what moved it. */
    record ScoreAtHome(String score, String change, List<MovedRow> moved, String dashboard) {
    }

    /** A component that moved: in words, with the link to its tile's rows. */
    record MovedRow(String label, String text, String href) {
    }

    private final SmartketingScores scores;
    private final Clock clock;

    ScoreHomeSection(SmartketingScores scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Shown> shownTo(SignedInPerson viewer) {
        if (viewer.role().compareTo(AppRole.MANAGER) < 0) {
            return Optional.empty();
        }
        ScoreTexts texts = new ScoreTexts(LocaleContextHolder.getLocale());
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        InsightFilter thisWeek = new InsightFilter(today.minusDays(6), today, viewer.zone(), null, null, null);
        InsightFilter weekBefore = thisWeek.over(today.minusDays(13), today.minusDays(7));
        SmartketingScore now = scores.score(thisWeek).score();
        SmartketingScore before = scores.score(weekBefore).score();
        List<MovedRow> moved = ScoreTrend.moved(before, now).stream().limit(3).map(m -> new MovedRow(m.key().label(),
                texts.change(m.pointsChange()) + " points: " + m.describe(texts),
                "/insights/" + m.key().tile().path() + DashboardViews.query(thisWeek))).toList();
        String change = now.score() == null || before.score() == null ? null
                : texts.change(now.score() - before.score()) + " since the seven days before";
        return Optional.of(new Shown("insights/home", new ScoreAtHome(now.score() == null ? "no data"
                : texts.number(now.score(), 1), change, moved, "/insights" + DashboardViews.query(thisWeek))));
    }
}
