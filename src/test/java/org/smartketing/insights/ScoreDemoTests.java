package org.smartketing.insights;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smartketing.insights.score.ScoreComponent;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreTrend;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.SignedInPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The demo company's score: a quarter of weekly snapshots with a dip and its reason, and today's
 * score on the dashboard equal to the one worked out here from the measured values.
 */
@IntegrationTest
class ScoreDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SmartketingScores scores;

    @Autowired
    InsightTiles tiles;

    @Autowired
    java.time.Clock clock;

    @Test
    void theDemoHasAQuarterOfWeeklyScoresWithAnExplainedDipAndTheDashboardShowsTheScoreAsWorkedOut() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        List<ScoreTrend.Week> weeks = scores.trend(13, new ScoreTexts(Locale.UK)).weeks();
        assertThat(weeks).hasSize(13);
        assertThat(weeks.get(12).weekStart()).isEqualTo(scores.lastWeekStart());
        ScoreTrend.Week dip = weeks.stream().min(java.util.Comparator.comparingDouble(w -> w.change() == null ? 0 : w.change()))
                .orElseThrow();
        assertThat(dip.change()).isLessThan(-5);
        assertThat(dip.explanation()).endsWith(": speed to lead (p90) rose from 3 h to 9 h");

        // today's score by hand from the measured values: Σ weight × min(1, value/target), inverted where less is
        // better, the weight of components without data shared out
        InsightFilter filter = InsightFilter.lastDays(ZoneOffset.UTC, clock);
        InsightMeasures measured = tiles.measures(filter);
        double earned = 0;
        double withData = 0;
        for (ScoreComponent c : ScoreComponent.values()) {
            Double v = c.valueIn(measured);
            if (v == null) {
                continue;
            }
            double t = c.defaultTarget();
            withData += c.defaultWeight();
            earned += c.defaultWeight() * (c.higherIsBetter() ? Math.min(1, v / t) : v == 0 ? 1 : Math.min(1, t / v));
        }
        assertThat(withData).as("the demo measures most components").isGreaterThanOrEqualTo(50);
        String byHand = new ScoreTexts(Locale.UK).number(earned * 100 / withData, 1);

        SignedInPerson ada = Fixtures.signedIn(fixtures.byEmail("ada@example.com"));
        MvcResult page = mvc.perform(get("/insights").locale(Locale.UK).with(user(ada))).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("id=\"score-value\">" + byHand + "<");
        assertThat(html).contains("speed to lead (p90) rose from 3 h to 9 h");
        ScoreTrend.Week last = weeks.get(12);
        assertThat(mvc.perform(get("/").locale(Locale.UK).with(user(ada))).andReturn().getResponse().getContentAsString())
                .contains("id=\"home-score\"", new ScoreTexts(Locale.UK).number(last.score(), 1) + " of 100",
                        new ScoreTexts(Locale.UK).change(last.change()) + " since the week before");
        for (TileKey key : TileKey.values()) {
            assertThat(mvc.perform(get("/insights/" + key.path()).with(user(ada))).andReturn().getResponse().getStatus())
                    .as(key.path()).isEqualTo(200);
        }
        Map<String, String> unknown = Map.of("team", java.util.UUID.randomUUID().toString());
        MvcResult noSuchTeam = mvc.perform(get("/insights").param("team", unknown.get("team")).with(user(ada))).andReturn();
        assertThat(noSuchTeam.getResponse().getStatus()).isEqualTo(400);
        assertThat(noSuchTeam.getResponse().getContentAsString()).contains("team: is not a team of ours");
    }
}
