package org.smartketing.crosstraining;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.crosstraining.budgets.Quarter;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The pages as plain forms: a rep offers a seat, a marketer takes it from the board, the session page
 * takes her reflection (its change an action item), and the matrix and measures show in words.
 */
@IntegrationTest
class CrossTrainingPagesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog activities;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aRepOffersASeatAMarketerTakesItAndReflectsAndTheMatrixShowsIt() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        clock.advance(Duration.ofDays(-3));
        String demo = new Training(activities, fixtures, mvc).aDemoBy(rep, clock.instant().plus(Duration.ofHours(20)));
        LocalDateTime start = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/Berlin"))).plusDays(1)
                .truncatedTo(ChronoUnit.HOURS);
        MvcResult offered = mvc.perform(post("/cross-training/offers").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("workKind", "activity").param("workId", demo).param("title", "Open seat on my Acme demo")
                .param("startsAt", start.toString()).param("durationMinutes", "60").param("seats", "1")).andReturn();
        assertThat(offered.getResponse().getRedirectedUrl()).isEqualTo("/cross-training/offers");

        String board = page(marketer, "/cross-training/offers");
        assertThat(board).contains("Open seat on my Acme demo").contains("Hosted by " + rep.displayName())
                .contains("Take this seat");
        String offerId = board.substring(board.indexOf("/cross-training/offers/") + 23, board.indexOf("/book"));
        MvcResult booked = mvc.perform(post("/cross-training/offers/" + offerId + "/book")
                .with(user(Fixtures.signedIn(marketer))).with(csrf())).andReturn();
        String sessionPath = booked.getResponse().getRedirectedUrl();
        assertThat(sessionPath).startsWith("/cross-training/sessions/");
        assertThat(page(rep, sessionPath)).contains("Move it").contains("Decline it").contains(marketer.displayName());
        clock.reset();

        String session = page(marketer, sessionPath);
        assertThat(session).contains("Shadowing").contains("Save my reflection").doesNotContain("SHADOWING");
        mvc.perform(post(sessionPath + "/reflections").with(user(Fixtures.signedIn(marketer))).with(csrf())
                .param("learned", "Reps qualify budget first").param("change", "Ask budget on the form")
                .param("actionDueOn", LocalDate.now().plusDays(7).toString())).andReturn();
        assertThat(page(marketer, sessionPath)).contains("Reps qualify budget first").contains("an action item")
                .doesNotContain("Save my reflection");
        assertThat(page(marketer, "/action-items")).contains("Ask budget on the form").contains("from");

        String mine = page(marketer, "/cross-training");
        assertThat(mine).contains("My budget").contains("1.0 h spent").contains(sessionPath);
        String coverage = page(marketer, "/cross-training/coverage");
        assertThat(coverage).contains("Marketers seeing sales").contains("Account executive").contains("Demo")
                .contains("of job roles meet the target");
        assertThat(page(marketer, "/cross-training/measures")).contains("Marketers: leads sales rejected")
                .contains("Reps: time to accept and SLA breaches").contains("reflections written");
        assertThat(page(marketer, "/")).contains("href=\"/cross-training\"");
    }

    @Test
    void aBadFieldOnAPageSaysWhichAndStoresNothing() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        MvcResult refused = mvc.perform(post("/cross-training/sessions").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("topic", "Scoring").param("learnerIds", fixtures.aPerson(AppRole.MEMBER, Department.SALES).id().toString())
                .param("startsAt", LocalDateTime.now().minusDays(1).truncatedTo(ChronoUnit.MINUTES).toString())
                .param("durationMinutes", "60")).andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("startsAt: must be in the future");
    }

    @Test
    void aPersonsPageShowsTheirCrossTrainingHoursSpentAndPlannedAgainstTheQuartersBudget() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person ops = fixtures.aPerson(AppRole.MEMBER, Department.OPERATIONS);
        jdbc.sql("INSERT INTO crosstraining_budget (person_id, hours, set_by, set_at) VALUES (?, 10, ?, CURRENT_TIMESTAMP)")
                .params(marketer.id().value(), rep.id().value()).update();
        // both sessions and "now" in one quarter, wherever in the year the test runs
        if (!Quarter.of(clock.instant(), marketer.zone()).contains(clock.instant().plus(Duration.ofHours(6)))) {
            clock.advance(Duration.ofHours(7));
        }
        Training training = new Training(activities, fixtures, mvc);
        for (var session : java.util.List.of(new Object[] { 1, 60 }, new Object[] { 3, 90 })) {
            training.call(rep, post("/api/v1/cross-training/sessions").content("""
                    {"kind":"PLANNED","topic":"Pipeline","learnerIds":["%s"],"startsAt":"%s","durationMinutes":%d}"""
                    .formatted(marketer.id(), clock.instant().plus(Duration.ofHours((int) session[0]))
                            .truncatedTo(ChronoUnit.MINUTES), (int) session[1])), 201);
        }
        clock.advance(Duration.ofHours(2).plusMinutes(30));

        String hers = page(rep, "/people/" + marketer.id());
        String section = hers.substring(hers.indexOf("id=\"cross-training-budget\""));
        section = section.substring(0, section.indexOf("</article>"));
        assertThat(section).contains("Cross-training, " + Quarter.of(clock.instant(), marketer.zone()))
                .contains("<dd>10 h, set by their manager</dd>").contains("<dt>Spent</dt><dd>1 h</dd>")
                .contains("<dt>Planned</dt><dd>1.5 h</dd>").contains("<dt>Left</dt><dd>7.5 h</dd>")
                .contains("href=\"/cross-training/coverage\"");
        assertThat(page(marketer, "/people/" + marketer.id())).contains("href=\"/cross-training\">My cross-training");
        assertThat(page(rep, "/people/" + rep.id())).contains(" h, the company default</dd>");
        assertThat(page(rep, "/people/" + ops.id())).doesNotContain("cross-training-budget");
    }

    @Test
    void theOfferFormListsTheHostsOwnWorkToPickAndABadIdShowsTheFormAgainAsTyped() throws Exception {
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person colleague = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Training training = new Training(activities, fixtures, mvc);
        String demo = training.aDemoBy(rep);
        String othersDemo = training.aDemoBy(colleague);
        String series = training.call(rep, post("/api/v1/meeting-series").content("""
                {"title":"Acme renewal","start":"%s","zone":"Europe/Berlin","durationMinutes":30,"sponsorId":"%s",
                 "attendeeIds":["%s"],"topic":"Renewal terms","endGoal":"A signed renewal"}"""
                .formatted(LocalDate.now().plusDays(5).atTime(10, 0), colleague.id(), rep.id())), 201);
        String meeting = com.jayway.jsonpath.JsonPath.read(series, "$.meetings[0].id");

        String mine = page(rep, "/cross-training");
        assertThat(mine).contains("value=\"activity:" + demo + "\"").contains("Demo: Discovery demo with Acme")
                .contains("value=\"meeting:" + meeting + "\"").contains("Acme renewal: Renewal terms")
                .doesNotContain(othersDemo);

        LocalDateTime start = LocalDateTime.now().plusDays(2).truncatedTo(ChronoUnit.MINUTES);
        MvcResult picked = mvc.perform(post("/cross-training/offers").with(user(Fixtures.signedIn(rep))).with(csrf())
                .param("work", "meeting:" + meeting).param("workKind", "activity").param("startsAt", start.toString())
                .param("durationMinutes", "30").param("seats", "2")).andReturn();
        assertThat(picked.getResponse().getRedirectedUrl()).isEqualTo("/cross-training/offers");
        assertThat(page(colleague, "/cross-training/offers")).contains("Acme renewal");

        long offers = jdbc.sql("SELECT COUNT(*) FROM crosstraining_offer").query(Long.class).single();
        for (String[] bad : new String[][] { { "", "not-an-id", "workId: is not an id" },
                { "", java.util.UUID.randomUUID().toString(), "workId: is not an activity" },
                { "activity:nope", "", "work: is not a piece of work" } }) {
            MvcResult refused = mvc.perform(post("/cross-training/offers").with(user(Fixtures.signedIn(rep))).with(csrf())
                    .param("work", bad[0]).param("workKind", "activity").param("workId", bad[1])
                    .param("title", "Seat on my Friday demo").param("startsAt", start.toString())
                    .param("durationMinutes", "45").param("seats", "3")).andReturn();
            String body = refused.getResponse().getContentAsString();
            assertThat(refused.getResponse().getStatus()).as(bad[1]).isEqualTo(400);
            assertThat(body).contains("id=\"offer-error\"").contains(bad[2])
                    .contains("value=\"Seat on my Friday demo\"").contains("value=\"45\"").contains("value=\"3\"")
                    .contains("value=\"" + start + "\"");
            if (!bad[1].isEmpty()) {
                assertThat(body).contains("value=\"" + bad[1] + "\"");
            }
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crosstraining_offer").query(Long.class).single()).isEqualTo(offers);
    }

    private String page(Person who, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(user(Fixtures.signedIn(who)))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return result.getResponse().getContentAsString();
    }
}
