package org.smartketing.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.insights.score.ScoreComponent;
import org.smartketing.insights.score.SmartketingScores;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * The score for measures fixed by hand (the tiles stand in), through the service, the API, the
 * dashboard and a manager's home page; admins' weight changes with their history; the weekly
 * snapshot taken once per week.
 */
@IntegrationTest
class ScoreWithFixedMeasuresTests {

    /** SLA 82 %, p90 8 h, MQL→SQL 30 %, rejections 20 %, follow-through 80 %, responsiveness 90 %, pace 50 %, coverage 25 %. */
    static final InsightMeasures MEASURES = new InsightMeasures(0.82, 2.0, 8.0, 0.30, 0.20, 0.80, 0.90, 3L, 0.50, 0.25);

    /**
     * 20 × 0.82/0.90 + 15 × 4/8 + 15 × 0.30/0.40 + 10 × 0.15/0.20 + 15 + 10 + 10 × 0.5 + 5 × 0.25/0.5
     * = 18.222 + 7.5 + 11.25 + 7.5 + 15 + 10 + 5 + 2.5 = 76.972.
     */
    static final double BY_HAND = 76.972;

    @MockitoBean
    InsightTiles tiles;

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SmartketingScores scores;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    RecurringTask<Void> insightsScoreSnapshotTask;

    Person manager;
    Person admin;

    @BeforeEach
    void fixedMeasures() {
        manager = fixtures.aPerson(AppRole.MANAGER);
        admin = fixtures.aPerson(AppRole.ADMIN);
        when(tiles.measures(any(InsightFilter.class))).thenReturn(MEASURES);
        when(tiles.measures(org.mockito.ArgumentMatchers.<java.util.Map<TileKey, Tile>>any())).thenReturn(MEASURES);
        when(tiles.tile(any(), any())).thenAnswer(call -> tile(call.getArgument(0)));
        when(tiles.tiles(any())).thenAnswer(call -> java.util.Arrays.stream(TileKey.values())
                .collect(java.util.stream.Collectors.toMap(k -> k, ScoreWithFixedMeasuresTests::tile)));
    }

    @BeforeEach
    @AfterEach
    void defaultWeights() {
        jdbc.sql("DELETE FROM insight_score_weight").update();
        jdbc.sql("DELETE FROM insight_score_weight_change").update();
    }

    static Tile tile(TileKey key) {
        return new Tile(key, key.title(), Instant.parse("2026-03-01T08:00:00Z"),
                List.of(new Tile.Headline("share", "Share", 0.5, Tile.Kind.PERCENT)),
                List.of(new Tile.Column("name", "Name", Tile.Kind.TEXT), new Tile.Column("count", "Count", Tile.Kind.COUNT)),
                List.of(List.of("=HYPERLINK(\"x\")", 3L), List.of("Webinar", 5L)),
                new Tile.ChartData("bar", List.of("=HYPERLINK(\"x\")", "Webinar"), List.of(new Tile.Series("Count", List.of(3.0, 5.0)))),
                List.of());
    }

    @Test
    void theServiceTheApiAndTheDashboardShowTheScoreWorkedOutByHand() throws Exception {
        assertThat(scores.score(InsightFilter.lastDays(java.time.ZoneOffset.UTC, java.time.Clock.systemUTC())).score().score())
                .isCloseTo(BY_HAND, within(0.001));

        JsonNode api = json.readTree(call(get("/api/v1/insights/score?from=2026-01-01&to=2026-03-31"), manager).getResponse()
                .getContentAsString());
        assertThat(api.get("score").asDouble()).isEqualTo(77.0);
        JsonNode sla = api.get("components").get(0);
        assertThat(sla.get("key").asString()).isEqualTo("sla");
        assertThat(sla.get("weight").asInt()).isEqualTo(20);
        assertThat(sla.get("value").asDouble()).isEqualTo(0.82);
        assertThat(sla.get("target").asDouble()).isEqualTo(0.9);
        assertThat(sla.get("points").asDouble()).isEqualTo(18.22);
        assertThat(sla.get("rows").asString()).isEqualTo("/api/v1/insights/sla?from=2026-01-01&to=2026-03-31");

        String page = page("/insights?from=2026-01-01&to=2026-03-31", manager);
        assertThat(page).contains("id=\"score-value\">77<", "18.2 of 20", "7.5 of 15", "82%",
                "href=\"/insights/sla?from=2026-01-01&amp;to=2026-03-31\"", "As of 1 Mar 2026, 09:00 Europe/Berlin");
        assertThat(page).as("every tile: a chart fed JSON, its table for screen readers, its CSV")
                .contains("data-chart=", "chart-funnel-table", "/insights/responsiveness/export?from=2026-01-01");
    }

    @Test
    void aManagersHomePageShowsTheScoreAndAMemberSeesNeither() throws Exception {
        // without two weeks' snapshots (a demo filled by another test leaves thirteen) the section measures live
        jdbc.sql("DELETE FROM insight_score_snapshot_part").update();
        jdbc.sql("DELETE FROM insight_score_snapshot").update();
        assertThat(page("/", manager)).contains("id=\"home-score\"", "77 of 100", "nothing moved since the week before");
        Person member = fixtures.aPerson(AppRole.MEMBER);
        assertThat(page("/", member)).doesNotContain("home-score").doesNotContain("href=\"/insights\"");
        assertThat(call(get("/insights"), member).getResponse().getStatus()).isEqualTo(403);
        assertThat(page("/", manager)).contains("href=\"/insights\">Insights</a>");
    }

    @Test
    void weightsThatDoNotAddUpTo100AreRefusedNamingTheFieldAndNothingChanges() throws Exception {
        MvcResult refused = call(put("/api/v1/insights/score/weights").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\": {\"sla\": 30}}"), admin);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("\"field\":\"weights\"", "add up to 100 (they add up to 110)");
        MvcResult unknown = call(put("/api/v1/insights/score/weights").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\": {\"sla\": 20}, \"targets\": {\"speed-to-lead\": -1}}"), admin);
        assertThat(unknown.getResponse().getStatus()).isEqualTo(400);
        assertThat(unknown.getResponse().getContentAsString()).contains("targets.speed-to-lead");

        MvcResult page = mvc.perform(post("/insights/score/weights").param("weight.sla", "30")
                .with(user(Fixtures.signedIn(admin))).with(csrf())).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getResponse().getContentAsString()).contains("Weights: must add up to 100 (they add up to 110)")
                .contains("value=\"30\"");
        MvcResult notANumber = mvc.perform(post("/insights/score/weights").param("weight.sla", "lots")
                .with(user(Fixtures.signedIn(admin))).with(csrf())).andReturn();
        assertThat(notANumber.getResponse().getStatus()).isEqualTo(400);
        assertThat(notANumber.getResponse().getContentAsString()).contains("SLA adherence, weight: must be a whole number");

        assertThat(scores.weights().weight(ScoreComponent.SLA)).isEqualTo(20);
        assertThat(scores.changes(10)).isEmpty();
        assertThat(call(put("/api/v1/insights/score/weights").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\": {\"sla\": 30, \"mql-to-sql\": 5}}"), manager).getResponse().getStatus())
                .as("a manager's token").isEqualTo(403);
    }

    @Test
    void anAdminsWeightChangeIsKeptWithItsHistoryAndTheScoreUsesIt() throws Exception {
        // SLA 30 (was 20), MQL→SQL 5 (was 15): 30 × 0.82/0.9 + 7.5 + 5 × 0.75 + 7.5 + 15 + 10 + 5 + 2.5
        MvcResult changed = call(put("/api/v1/insights/score/weights").contentType(MediaType.APPLICATION_JSON)
                .content("{\"weights\": {\"sla\": 30, \"mql-to-sql\": 5}, \"targets\": {\"speed-to-lead\": 8}}"), admin);
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        double expected = 30 * 0.82 / 0.9 + 15 + 5 * 0.75 + 7.5 + 15 + 10 + 5 + 2.5;
        JsonNode api = json.readTree(call(get("/api/v1/insights/score"), manager).getResponse().getContentAsString());
        assertThat(api.get("score").asDouble()).isCloseTo(expected, within(0.05));

        mvc.perform(post("/insights/score/weights").param("weight.sla", "20").param("weight.mql-to-sql", "15")
                .param("target.sla", "95").with(user(Fixtures.signedIn(admin))).with(csrf()));
        assertThat(scores.weights().target(ScoreComponent.SLA)).isEqualTo(0.95);

        List<SmartketingScores.WeightChange> changes = scores.changes(10);
        assertThat(changes).hasSize(2);
        assertThat(changes.get(1).by()).isEqualTo(admin.email());
        assertThat(changes.get(1).before().get("sla").get("weight").intValue()).isEqualTo(20);
        assertThat(changes.get(1).after().get("sla").get("weight").intValue()).isEqualTo(30);
        assertThat(changes.get(1).after().get("speed-to-lead").get("target").doubleValue()).isEqualTo(8.0);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE entity_type = 'insights-score-weights'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
        assertThat(page("/insights/score/weights", admin)).contains("SLA adherence: weight 30 → 20",
                "SLA adherence: target 90% → 95%", admin.email());
        assertThat(call(get("/api/v1/insights/score/weights/history"), manager).getResponse().getContentAsString())
                .contains("\"before\"", "\"after\"");
    }

    @Test
    void theWeeklySnapshotIsTakenOncePerWeek() throws Exception {
        LocalDate monday = LocalDate.of(2021, 1, 4);
        assertThat(scores.snapshot(monday)).isTrue();
        assertThat(scores.snapshot(monday)).as("the same week again").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_score_snapshot_part WHERE week_start = ?").param(monday)
                .query(Long.class).single()).isEqualTo(ScoreComponent.values().length);

        LocalDate last = scores.lastWeekStart();
        jdbc.sql("DELETE FROM insight_score_snapshot WHERE week_start > ?").param(last.minusWeeks(4)).update(); // a demo's
        assertThat(scores.snapshotMissingWeeks()).as("the last week and the three before it").isEqualTo(4);
        assertThat(scores.snapshotMissingWeeks()).as("run again, on another node or after a restart").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_score_snapshot WHERE week_start > ?").param(last.minusWeeks(4))
                .query(Long.class).single()).isEqualTo(4);
        assertThat(insightsScoreSnapshotTask.getName()).isEqualTo("insights-score-snapshot");
        assertThat(insightsScoreSnapshotTask.schedulableInstance(RecurringTask.INSTANCE)
                .getNextExecutionTime(Instant.parse("2026-03-04T10:00:00Z"))).as("the persistent job's next run: Monday, 00:30 UTC")
                .isEqualTo(Instant.parse("2026-03-09T00:30:00Z"));

        JsonNode history = json.readTree(call(get("/api/v1/insights/score/history?weeks=4"), manager).getResponse()
                .getContentAsString());
        assertThat(history.get("weeks")).hasSize(4);
        assertThat(history.get("weeks").get(3).get("score").asDouble()).isEqualTo(77.0);
        assertThat(history.get("weeks").get(3).get("explanation").asString()).isEqualTo("±0: no component moved");
        assertThat(call(get("/api/v1/insights/score/history?weeks=0"), manager).getResponse().getContentAsString())
                .contains("weeks");
    }

    @Test
    void everyPageAnswersAtEveryFilterAndNamesTheFieldOfABadOne() throws Exception {
        List<String> filters = new ArrayList<>();
        for (String from : new String[] { "", "from=2026-01-01" }) {
            for (String to : new String[] { "", "to=2026-03-31" }) {
                for (String source : new String[] { "", "source=webinar", "source=none" }) {
                    for (String narrower : new String[] { "", "team=" + java.util.UUID.randomUUID(),
                            "campaign=" + java.util.UUID.randomUUID() }) {
                        filters.add(String.join("&", List.of(from, to, source, narrower).stream().filter(s -> !s.isEmpty()).toList()));
                    }
                }
            }
        }
        for (String filter : filters) {
            for (String path : List.of("/insights", "/insights/funnel", "/insights/sla/export")) {
                assertThat(call(get(path + "?" + filter), manager).getResponse().getStatus()).as(path + "?" + filter)
                        .isEqualTo(200);
            }
        }
        Map<String, String> bad = Map.of("from=yesterday", "from", "to=2026-13-01", "to", "from=2026-03-01&to=2026-01-01",
                "to", "team=nobody", "team", "campaign=12", "campaign", "from=2020-01-01&to=2026-01-01", "to");
        for (var entry : bad.entrySet()) {
            for (String path : List.of("/insights", "/insights/sla", "/insights/sla/export", "/api/v1/insights/score")) {
                MvcResult result = call(get(path + "?" + entry.getKey()), manager);
                assertThat(result.getResponse().getStatus()).as(path + "?" + entry.getKey()).isEqualTo(400);
                assertThat(result.getResponse().getContentAsString()).as(path + "?" + entry.getKey())
                        .contains(path.startsWith("/api") ? "\"field\":\"" + entry.getValue() + "\"" : entry.getValue() + ":");
            }
        }
        assertThat(call(get("/insights/luck"), manager).getResponse().getStatus()).isEqualTo(404);
        assertThat(call(get("/api/v1/insights/score/history?weeks=many"), manager).getResponse().getContentAsString())
                .contains("\"field\":\"weeks\"");
    }

    @Test
    void theCsvOfATileHasItsBomAndDefusesFormulas() throws Exception {
        MvcResult csv = call(get("/insights/rejections/export?from=2026-01-01&to=2026-03-31"), manager);
        assertThat(csv.getResponse().getContentType()).startsWith("text/csv");
        assertThat(csv.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .contains("insights-rejections-2026-01-01-2026-03-31.csv");
        String text = new String(csv.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFName,Count");
        assertThat(text).doesNotContain("\n=HYPERLINK");
    }

    private String page(String path, Person as) throws Exception {
        MvcResult result = mvc.perform(get(path).locale(Locale.UK).with(user(Fixtures.signedIn(as)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }

    private MvcResult call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Person as)
            throws Exception {
        String uri = request.buildRequest(new org.springframework.mock.web.MockServletContext()).getRequestURI();
        if (uri.startsWith("/api/")) {
            return mvc.perform(request.locale(Locale.UK).header(HttpHeaders.AUTHORIZATION,
                    "Bearer " + fixtures.tokenFor(as, TokenScope.READ_WRITE))).andReturn();
        }
        return mvc.perform(request.locale(Locale.UK).with(user(Fixtures.signedIn(as))).with(csrf())).andReturn();
    }
}
