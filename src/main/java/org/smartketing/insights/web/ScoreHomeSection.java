package org.smartketing.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreTrend;
import org.smartketing.insights.score.SmartketingScore;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.team.AppRole;
import org.smartketing.team.HomeSection;
import org.smartketing.team.PersonPageSection;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A manager's home page: the smart-keting score of the last seven days (in the manager's zone) and
 * the three components that moved most since the seven days before.
 */
@Component
@Order(50)
class ScoreHomeSection implements HomeSection {

    private final SmartketingScores scores;
    private final Clock clock;

    ScoreHomeSection(SmartketingScores scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    @Override
    public Optional<PersonPageSection.Section> shownTo(SignedInPerson viewer) {
        if (viewer.role().compareTo(AppRole.MANAGER) < 0) {
            return Optional.empty();
        }
        ScoreTexts texts = new ScoreTexts(LocaleContextHolder.getLocale());
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        InsightFilter thisWeek = new InsightFilter(today.minusDays(6), today, viewer.zone(), null, null, null);
        SmartketingScore now = scores.score(thisWeek).score();
        SmartketingScore before = scores.score(thisWeek.over(today.minusDays(13), today.minusDays(7))).score();
        List<PersonPageSection.Line> lines = new ArrayList<>();
        String score = now.score() == null ? "no data" : texts.number(now.score(), 1) + " of 100";
        if (now.score() != null && before.score() != null) {
            score += ", " + texts.change(now.score() - before.score()) + " since the seven days before";
        }
        lines.add(new PersonPageSection.Line("Score", score));
        List<ScoreTrend.Moved> moved = ScoreTrend.moved(before, now);
        if (moved.isEmpty()) {
            lines.add(new PersonPageSection.Line("Moved most", "nothing moved since the seven days before"));
        }
        moved.stream().limit(3).forEach(m -> lines.add(new PersonPageSection.Line(m.key().label(),
                texts.change(m.pointsChange()) + " points: " + m.describe(texts))));
        return Optional.of(new PersonPageSection.Section("home-score", "Smart-keting score, last seven days", lines,
                "/insights" + DashboardViews.query(thisWeek), "The dashboard, with the rows behind each figure"));
    }
}
