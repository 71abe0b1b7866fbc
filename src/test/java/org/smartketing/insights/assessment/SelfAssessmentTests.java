package org.smartketing.insights.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.InsightTiles;
import org.smartketing.insights.assessment.SelfAssessments.DimensionResult;
import org.smartketing.insights.assessment.SelfAssessments.Side;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarterly self-assessment: what an answer must be, one answer per person and round, the
 * five-answer threshold, the perception gap against hand-computed means, and the reminder.
 */
@IntegrationTest
class SelfAssessmentTests {

    @Autowired
    SelfAssessments assessments;

    @Autowired
    Fixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    InsightTiles tiles;

    @Autowired
    SchedulerClient scheduler;

    @BeforeEach
    void noRoundsYet() {
        List.of("insight_assessment_score", "insight_assessment_response", "insight_assessment_participant",
                "insight_assessment_round").forEach(t -> jdbc.sql("DELETE FROM " + t).update());
    }

    /** Every statement scored {@code score}, then the given ones changed. */
    static Map<String, Integer> all(int score, Object... keysAndScores) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (Statement s : Statement.values()) {
            scores.put(s.key(), score);
        }
        for (int i = 0; i < keysAndScores.length; i += 2) {
            scores.put((String) keysAndScores[i], (Integer) keysAndScores[i + 1]);
        }
        return scores;
    }

    private Person answering(Department department, Map<String, Integer> scores) {
        Person p = fixtures.aPerson(AppRole.MEMBER, department);
        assessments.answer(scores, Fixtures.signedIn(p));
        return p;
    }

    @Test
    void refusesAScoreOutsideOneToFiveAMissingOrUnknownStatementAndNamesIt() throws Exception {
        assessments.open("2026-Q4", "test");
        var me = Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER, Department.SALES));

        assertThatThrownBy(() -> assessments.answer(all(3, "leads-worth-time", 6), me))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("leads-worth-time");
        assertThatThrownBy(() -> assessments.answer(all(3, "one-record", 0), me))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("one-record");
        Map<String, Integer> missing = all(4);
        missing.remove("same-story");
        assertThatThrownBy(() -> assessments.answer(missing, me))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("same-story");
        assertThatThrownBy(() -> assessments.answer(all(4, "lead-love", 5), me))
                .isInstanceOf(InvalidFieldException.class).extracting("field").isEqualTo("lead-love");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_assessment_participant").query(Long.class).single())
                .as("nothing kept of a refused answer").isZero();

        String token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER, Department.MARKETING), TokenScope.READ_WRITE);
        MockHttpServletResponse api = mvc.perform(post("/api/v1/self-assessments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", all(3, "quick-handoff", 9))))).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(400);
        assertThat(json.readTree(api.getContentAsString()).get("errors").get(0).get("field").asString())
                .isEqualTo("quick-handoff");
    }

    @Test
    void oneAnswerPerPersonAndRoundEvenWhenSentTwiceAtOnceAndNoneToAClosedRound() throws Exception {
        var round = assessments.open("2026-Q4", "test");
        var me = Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER, Department.MARKETING));

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> tries = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            tries.add(pool.submit(() -> {
                together.await();
                try {
                    assessments.answer(all(4), me);
                    return "stored";
                }
                catch (FieldConflictException ex) {
                    return ex.field();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : tries) {
            outcomes.add(f.get());
        }
        pool.shutdown();

        assertThat(outcomes).containsExactlyInAnyOrder("stored", "round");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM insight_assessment_response WHERE round_id = ?").param(round.id())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(assessments.answered(round.id(), me.id())).isTrue();
        assertThatThrownBy(() -> assessments.answer(all(2), me)).isInstanceOf(FieldConflictException.class)
                .hasMessageContaining("already answered").extracting("field").isEqualTo("round");

        assessments.close(round.id());
        var late = Fixtures.signedIn(fixtures.aPerson(AppRole.MEMBER, Department.SALES));
        assertThatThrownBy(() -> assessments.answer(all(3), late)).isInstanceOf(FieldConflictException.class)
                .hasMessageContaining("no self-assessment round is open").extracting("field").isEqualTo("round");
    }

    @Test
    void aGroupShowsNoFigureBelowFiveAnswersAndItsMeanFromTheFifth() throws Exception {
        var round = assessments.open("2026-Q4", "test");
        for (int i = 0; i < 4; i++) {
            answering(Department.MARKETING, all(4));
        }
        DimensionResult four = dimension(round.id(), Dimension.CULTURE);
        assertThat(four.sides().get(Side.MARKETING).answers()).isEqualTo(4);
        assertThat(four.sides().get(Side.MARKETING).mean()).isNull();
        assertThat(four.gap()).isNull();
        assertThat(four.sentence()).startsWith("Not enough answers yet; measured meeting follow-through");

        Person viewer = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        String page = mvc.perform(get("/self-assessment/rounds/" + round.id()).with(user(Fixtures.signedIn(viewer))))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("not enough answers yet").contains("Marketing 4").doesNotContain(">4.0<");

        answering(Department.MARKETING, all(4));
        DimensionResult five = dimension(round.id(), Dimension.CULTURE);
        assertThat(five.sides().get(Side.MARKETING).mean()).isEqualTo(4.0);
        assertThat(five.sentence()).startsWith("Marketing rates the shared culture 4.0; sales: not enough answers yet");
    }

    @Test
    void thePerceptionGapIsMarketingsMeanLessSalesBesideTheMeasuredValue() throws Exception {
        var round = assessments.open("2026-Q4", "test");
        // lead generation and pipeline, by hand: marketing (5+4+4+4+5+5+3+4+4+3) / 10 = 41 / 10 = 4.1,
        // sales (2+3+1+2+3+2+2+2+3+3) / 10 = 23 / 10 = 2.3, gap 1.8; systems: marketing 4, sales 2 + 1/5 = 2.2
        int[][] marketing = { { 5, 4 }, { 4, 4 }, { 5, 5 }, { 3, 4 }, { 4, 3 } };
        int[][] sales = { { 2, 3 }, { 1, 2 }, { 3, 2 }, { 2, 2 }, { 3, 3 } };
        for (int[] m : marketing) {
            answering(Department.MARKETING, all(3, "leads-worth-time", m[0], "ready-for-sales", m[1],
                    "one-record", 4, "quick-handoff", 4));
        }
        for (int i = 0; i < sales.length; i++) {
            answering(Department.SALES, all(3, "leads-worth-time", sales[i][0], "ready-for-sales", sales[i][1],
                    "one-record", 2, "quick-handoff", i == 0 ? 4 : 2));
        }
        answering(Department.OPERATIONS, all(5));

        var results = assessments.results(round.id(), java.time.ZoneOffset.UTC);
        DimensionResult leads = results.dimensions().stream().filter(d -> d.dimension() == Dimension.LEAD_GENERATION)
                .findFirst().orElseThrow();
        assertThat(leads.sides().get(Side.MARKETING).mean()).isCloseTo(4.1, within(1e-9));
        assertThat(leads.sides().get(Side.SALES).mean()).isCloseTo(2.3, within(1e-9));
        assertThat(leads.gap()).isCloseTo(1.8, within(1e-9));
        assertThat(leads.sides().get(Side.OTHER).mean()).as("one answer from operations").isNull();
        Double rejection = tiles.measures(new InsightFilter(results.from(), results.to(), java.time.ZoneOffset.UTC,
                null, null, null)).rejectionRate();
        assertThat(leads.measured()).isEqualTo(rejection);
        assertThat(leads.sentence()).isEqualTo("Marketing rates lead quality 4.1, sales 2.3; measured rejection rate "
                + (rejection == null ? "not known yet" : Math.round(rejection * 100) + " %") + ".");
        DimensionResult systems = results.dimensions().stream().filter(d -> d.dimension() == Dimension.SYSTEMS)
                .findFirst().orElseThrow();
        assertThat(systems.sides().get(Side.SALES).mean()).isCloseTo(2.2, within(1e-9));
        assertThat(systems.gap()).isCloseTo(1.8, within(1e-9));
        DimensionResult culture = results.dimensions().stream().filter(d -> d.dimension() == Dimension.CULTURE)
                .findFirst().orElseThrow();
        assertThat(culture.gap()).isZero();
        assertThat(results.answers()).containsEntry(Side.MARKETING, 5).containsEntry(Side.SALES, 5)
                .containsEntry(Side.OTHER, 1);
        assertThat(Dimension.LEAD_GENERATION.format(0.31)).isEqualTo("31 %");
        assertThat(Dimension.SYSTEMS.format(3.25)).isEqualTo("3.3 h");

        String token = fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER, Department.SALES), TokenScope.READ);
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/self-assessments/" + round.id() + "/results")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andReturn().getResponse().getContentAsString());
        JsonNode apiLeads = api.get("dimensions").get(2);
        assertThat(apiLeads.get("dimension").asString()).isEqualTo("LEAD_GENERATION");
        assertThat(apiLeads.get("gap").asDouble()).isCloseTo(1.8, within(1e-9));
        assertThat(apiLeads.get("sentence").asString()).isEqualTo(leads.sentence());
        String page = mvc.perform(get("/self-assessment/rounds/" + round.id()).with(user(Fixtures.signedIn(
                fixtures.aPerson(AppRole.MEMBER, Department.SALES))))).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Marketing rates lead quality 4.1, sales 2.3").contains("+1.8").contains(">4.1<")
                .contains(">2.3<");
    }

    @Test
    void theReminderGoesOnceToEveryoneEnabledWhoHasNotAnswered() {
        var round = assessments.open("2026-Q4", "test");
        assertThat(scheduler.getScheduledExecution(TaskInstanceId.of(SelfAssessments.REMINDER, round.id().toString())))
                .as("a week after opening").hasValueSatisfying(e -> assertThat(e.getExecutionTime())
                        .isEqualTo(round.openedAt().plus(SelfAssessments.REMIND_AFTER)));
        Person answered = answering(Department.SALES, all(3));
        Person waiting = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        long answeredBefore = fixtures.messagesTo(answered.id());
        long waitingBefore = fixtures.messagesTo(waiting.id());

        int reminded = assessments.remind(round.id());
        int again = assessments.remind(round.id());

        assertThat(reminded).isPositive();
        assertThat(again).as("a repeated job or another node").isZero();
        assertThat(fixtures.messagesTo(waiting.id())).isEqualTo(waitingBefore + 1);
        assertThat(fixtures.lastMessageTo(waiting.id())).contains("2026-Q4 self-assessment").contains("anonymous");
        assertThat(fixtures.messagesTo(answered.id())).isEqualTo(answeredBefore);
    }

    @Test
    void theQuarterlyJobOpensEachQuarterOnceAndAnAdminMayCloseAndReopen() throws Exception {
        assertThat(AssessmentJobs.QUARTER_START.getInitialExecutionTime(Instant.parse("2026-12-01T10:00:00Z")))
                .isEqualTo(Instant.parse("2027-01-01T06:00:00Z"));
        var first = assessments.openThisQuarter("schedule");
        var second = assessments.openThisQuarter("schedule");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(assessments.rounds()).hasSize(1);

        var older = assessments.open("2020-Q1", "test");
        assertThat(assessments.round(first.id()).open()).as("a new quarter's round closes the old").isFalse();
        assertThat(assessments.current()).hasValueSatisfying(r -> assertThat(r.id()).isEqualTo(older.id()));

        Person member = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        String memberToken = fixtures.tokenFor(member, TokenScope.READ_WRITE);
        assertThat(mvc.perform(post("/api/v1/self-assessments/rounds/" + older.id() + "/close")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken)).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        String adminToken = fixtures.tokenFor(fixtures.aPerson(AppRole.ADMIN), TokenScope.READ_WRITE);
        assertThat(mvc.perform(post("/api/v1/self-assessments/rounds/" + older.id() + "/close")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(assessments.current()).isEmpty();
        MockHttpServletResponse closed = mvc.perform(post("/api/v1/self-assessments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", all(3))))).andReturn().getResponse();
        assertThat(closed.getStatus()).isEqualTo(409);
        assertThat(closed.getContentAsString()).contains("\"round\"");

        MockHttpServletResponse reopened = mvc.perform(post("/api/v1/self-assessments/rounds")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + adminToken)).andReturn().getResponse();
        assertThat(reopened.getStatus()).isEqualTo(201);
        assertThat(json.readTree(reopened.getContentAsString()).get("id").asString()).isEqualTo(first.id().toString());
        assertThat(mvc.perform(post("/api/v1/self-assessments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("answers", all(3))))).andReturn().getResponse().getStatus())
                .isEqualTo(201);
        JsonNode current = json.readTree(mvc.perform(get("/api/v1/self-assessments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + memberToken)).andReturn().getResponse().getContentAsString());
        assertThat(current.get("answered").asBoolean()).isTrue();
        assertThat(current.get("statements")).hasSize(12);
    }

    @Test
    void theFormIsRadioGroupsAndABadPostIsA400PageNamingTheStatement() throws Exception {
        assessments.open("2026-Q4", "test");
        Person me = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        String form = mvc.perform(get("/self-assessment").with(user(Fixtures.signedIn(me)))).andReturn().getResponse()
                .getContentAsString();
        assertThat(form.split("type=\"radio\"", -1)).hasSize(61);
        assertThat(form.split("<fieldset", -1)).hasSize(13);
        assertThat(form).contains("<legend>The leads marketing hands over are worth a salesperson&#39;s time.</legend>");

        Map<String, Integer> scores = all(4);
        var bad = post("/self-assessment").with(user(Fixtures.signedIn(me))).with(csrf());
        scores.forEach((k, v) -> bad.param(k, k.equals("feedback-used") ? "five" : String.valueOf(v)));
        MockHttpServletResponse refused = mvc.perform(bad).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("feedback-used");

        var missing = post("/self-assessment").with(user(Fixtures.signedIn(me))).with(csrf());
        scores.forEach((k, v) -> {
            if (!k.equals("shared-goals")) {
                missing.param(k, String.valueOf(v));
            }
        });
        MockHttpServletResponse incomplete = mvc.perform(missing).andReturn().getResponse();
        assertThat(incomplete.getStatus()).isEqualTo(400);
        assertThat(incomplete.getContentAsString()).contains("shared-goals");

        var good = post("/self-assessment").with(user(Fixtures.signedIn(me))).with(csrf());
        scores.forEach((k, v) -> good.param(k, String.valueOf(v)));
        assertThat(mvc.perform(good).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/self-assessment");
        assertThat(mvc.perform(get("/self-assessment").with(user(Fixtures.signedIn(me)))).andReturn().getResponse()
                .getContentAsString()).contains("You have answered").doesNotContain("type=\"radio\"");
    }

    private DimensionResult dimension(java.util.UUID round, Dimension d) {
        return assessments.results(round, java.time.ZoneOffset.UTC).dimensions().stream()
                .filter(r -> r.dimension() == d).findFirst().orElseThrow();
    }
}
