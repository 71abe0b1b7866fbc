package org.smartketing.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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
import org.smartketing.team.SignedInPerson;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A manager's home page: the smart-keting score of the last week and the three components that
 * moved most since the week before, from the weekly snapshots; until there are two, measured over
 * the last seven days (in the manager's zone) and the seven before.
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
    public Optional<HomeSection.Card> shownTo(SignedInPerson viewer) {
        if (viewer.role().compareTo(AppRole.MANAGER) < 0) {
            return Optional.empty();
        }
        ScoreTexts texts = new ScoreTexts(LocaleContextHolder.getLocale());
        LocalDate today = LocalDate.now(clock.withZone(viewer.zone()));
        InsightFilter thisWeek = new InsightFilter(today.minusDays(6), today, viewer.zone(), null, null, null);
        List<ScoreTrend.Week> weeks = scores.trend(2, texts).weeks();
        SmartketingScore now;
        SmartketingScore before;
        String heading;
        if (weeks.size() == 2) {
            // the weekly snapshots, already taken: two small reads instead of measuring twice on every visit
            now = weeks.get(1).detail();
            before = weeks.get(0).detail();
            heading = "Smart-keting score, week of " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                    .withLocale(LocaleContextHolder.getLocale()).format(weeks.get(1).weekStart());
        }
        else {
            now = scores.score(thisWeek).score();
            before = scores.score(thisWeek.over(today.minusDays(13), today.minusDays(7))).score();
            heading = "Smart-keting score, last seven days";
        }
        List<HomeSection.Row> lines = new ArrayList<>();
        String score = now.score() == null ? "no data" : texts.number(now.score(), 1) + " of 100";
        if (now.score() != null && before.score() != null) {
            score += ", " + texts.change(now.score() - before.score()) + " since the week before";
        }
        lines.add(HomeSection.Row.of("Score", score));
        List<ScoreTrend.Moved> moved = ScoreTrend.moved(before, now);
        if (moved.isEmpty()) {
            lines.add(HomeSection.Row.of("Moved most", "nothing moved since the week before"));
        }
        moved.stream().limit(3).forEach(m -> lines.add(HomeSection.Row.of(m.key().label(),
                texts.change(m.pointsChange()) + " points: " + m.describe(texts))));
        return Optional.of(new HomeSection.Card("home-score", heading, null, lines, "No score yet.",
                "/insights" + DashboardViews.query(thisWeek), "The dashboard, with the rows behind each figure"));
    }
}
