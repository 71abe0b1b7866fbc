package org.smartketing.crosstraining;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.KnownSubjects;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smartketing.crosstraining.Training.inDays;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/** Sessions, offers, asks and budgets over the API, and every bad input as a 400 naming the field with nothing stored. */
@IntegrationTest
class CrossTrainingApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ActivityLog activities;

    @Autowired
    KnownSubjects subjects;

    @Autowired
    JdbcClient jdbc;

    Training training;
    Person rep;
    Person marketer;
    Person otherMarketer;
    Person otherRep;

    @BeforeEach
    void aSmallTeam() {
        training = new Training(activities, fixtures, mvc);
        rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        otherRep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        otherMarketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
    }

    @Test
    void aMarketerTakesTheOpenSeatOnARepsDemoAndTheSessionPointsAtTheDemo() throws Exception {
        String demo = training.aDemoBy(rep);
        String offer = training.call(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"seats":2,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(2), demo)), 201);
        String offerId = JsonPath.read(offer, "$.id");
        assertThat(JsonPath.<String>read(offer, "$.work.type")).isEqualTo("DEMO");
        assertThat(JsonPath.<String>read(offer, "$.title")).isEqualTo("Demo: Discovery demo with Acme");

        String session = training.call(marketer, post("/api/v1/cross-training/offers/" + offerId + "/bookings"), 201);
        assertThat(JsonPath.<String>read(session, "$.kind")).isEqualTo("SHADOWING");
        assertThat(JsonPath.<String>read(session, "$.work.id")).isEqualTo(demo);
        assertThat(JsonPath.<String>read(session, "$.hostId")).isEqualTo(rep.id().toString());
        assertThat(JsonPath.<List<String>>read(session, "$.learnerIds")).containsExactly(marketer.id().toString());

        // the second seat joins the same session
        String joined = training.call(otherMarketer, post("/api/v1/cross-training/offers/" + offerId + "/bookings"), 201);
        assertThat(JsonPath.<String>read(joined, "$.id")).isEqualTo(JsonPath.read(session, "$.id"));
        assertThat(JsonPath.<List<String>>read(joined, "$.learnerIds")).containsExactly(marketer.id().toString(),
                otherMarketer.id().toString());
        assertThat(JsonPath.<List<String>>read(training.call(rep, get("/api/v1/cross-training/offers"), 200), "$[*].id"))
                .doesNotContain(offerId);
        assertThat(JsonPath.<List<String>>read(training.call(marketer, get("/api/v1/cross-training/sessions"), 200),
                "$[*].id")).contains((String) JsonPath.read(session, "$.id"));
    }

    @Test
    void oneClickMatchesAnAskWithAnOffer() throws Exception {
        String ask = training.call(marketer, post("/api/v1/cross-training/asks").content("""
                {"wants":"An account executive's discovery call","jobRole":"Account executive","activityType":"DEMO"}"""),
                201);
        String offer = training.call(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":45,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(3), training.aDemoBy(rep))), 201);
        String session = training.call(rep, post("/api/v1/cross-training/asks/" + JsonPath.read(ask, "$.id") + "/match")
                .content("{\"offerId\":\"" + JsonPath.read(offer, "$.id") + "\"}"), 201);

        assertThat(JsonPath.<List<String>>read(session, "$.learnerIds")).containsExactly(marketer.id().toString());
        assertThat(JsonPath.<List<String>>read(training.call(rep, get("/api/v1/cross-training/asks"), 200), "$[*].id"))
                .doesNotContain((String) JsonPath.read(ask, "$.id"));
        // matched once: a second click is refused
        training.call(rep, post("/api/v1/cross-training/asks/" + JsonPath.read(ask, "$.id") + "/match")
                .content("{\"offerId\":\"" + JsonPath.read(offer, "$.id") + "\"}"), 409);
    }

    @Test
    void twoBookingsOfTheLastSeatAtOnceGiveItToExactlyOne() throws Exception {
        String offer = training.call(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"seats":1,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(2), training.aDemoBy(rep))), 201);
        String offerId = JsonPath.read(offer, "$.id");
        List<Person> learners = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            learners.add(fixtures.aPerson(AppRole.MEMBER, Department.MARKETING));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(learners.size());
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (Person learner : learners) {
                Callable<Integer> booking = () -> {
                    start.await();
                    MvcResult r = training.perform(learner, post("/api/v1/cross-training/offers/" + offerId + "/bookings"));
                    return r.getResponse().getStatus();
                };
                answers.add(pool.submit(booking));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM crosstraining_learner l JOIN crosstraining_session s ON s.id = l.session_id
                WHERE s.offer_id = ?""").param(java.util.UUID.fromString(offerId)).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aPlannedSessionMayMixDepartmentsAndTheHostMovesAndDeclinesIt() throws Exception {
        String session = training.call(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","topic":"Lead scoring, from both sides","learnerIds":["%s","%s"],
                 "startsAt":"%s","durationMinutes":90}""".formatted(marketer.id(), otherRep.id(), inDays(5))), 201);
        String id = JsonPath.read(session, "$.id");
        assertThat(JsonPath.<Integer>read(session, "$.sequence")).isZero();

        String moved = training.call(rep, patch("/api/v1/cross-training/sessions/" + id)
                .content("{\"startsAt\":\"" + inDays(6) + "\"}"), 200);
        assertThat(JsonPath.<Integer>read(moved, "$.sequence")).isEqualTo(1);
        assertThat(JsonPath.<String>read(moved, "$.startsAt")).isEqualTo(inDays(6));
        // only the host moves it
        training.call(marketer, patch("/api/v1/cross-training/sessions/" + id)
                .content("{\"startsAt\":\"" + inDays(7) + "\"}"), 403);

        String cancelled = training.call(rep, post("/api/v1/cross-training/sessions/" + id + "/cancel")
                .content("{\"reason\":\"Quarter close\"}"), 200);
        assertThat(JsonPath.<String>read(cancelled, "$.status")).isEqualTo("CANCELLED");
    }

    @Test
    void aManagerSetsTheirReportsBudgetAndNobodyElsesAndAnAdminTheDefault() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        Person report = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        jdbc.sql("UPDATE person SET manager_id = ? WHERE id = ?").params(manager.id().value(), report.id().value()).update();
        Person admin = fixtures.aPerson(AppRole.ADMIN, Department.OPERATIONS);

        String set = training.call(manager, put("/api/v1/cross-training/budgets/" + report.id()).content("{\"hours\":24}"),
                200);
        assertThat(JsonPath.<Integer>read(set, "$.hours")).isEqualTo(24);
        assertThat(JsonPath.<Boolean>read(set, "$.own")).isTrue();
        training.call(manager, put("/api/v1/cross-training/budgets/" + marketer.id()).content("{\"hours\":24}"), 403);
        training.call(report, put("/api/v1/cross-training/budgets/" + report.id()).content("{\"hours\":24}"), 403);
        training.call(manager, put("/api/v1/cross-training/budgets/default").content("{\"hours\":10}"), 403);
        String all = training.call(admin, put("/api/v1/cross-training/budgets/default").content("{\"hours\":12}"), 200);
        assertThat(JsonPath.<Integer>read(all, "$.defaultHours")).isEqualTo(12);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Person manager = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        jdbc.sql("UPDATE person SET manager_id = ? WHERE id = ?").params(manager.id().value(), rep.id().value()).update();
        String demo = training.aDemoBy(rep);
        long sessions = count("crosstraining_session");
        long offers = count("crosstraining_offer");

        refused(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"SHADOWING","learnerIds":["%s"],"startsAt":"%s","durationMinutes":60,"workKind":"activity","workId":"%s"}"""
                .formatted(marketer.id(), inDays(-1), demo)), "startsAt");
        refused(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"SHADOWING","learnerIds":["%s"],"startsAt":"%s","durationMinutes":60,"workKind":"activity","workId":"%s"}"""
                .formatted(otherRep.id(), inDays(2), demo)), "learnerIds");
        refused(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","learnerIds":["%s"],"startsAt":"%s","durationMinutes":60}"""
                .formatted(otherRep.id(), inDays(2))), "topic");
        refused(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","topic":"Scoring","learnerIds":["%s"],"startsAt":"%s","durationMinutes":5}"""
                .formatted(otherRep.id(), inDays(2))), "durationMinutes");
        refused(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(2), java.util.UUID.randomUUID())), "workId");
        refused(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"workKind":"campaign","workId":"%s"}"""
                .formatted(inDays(2), java.util.UUID.randomUUID())), "workId");
        refused(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"seats":0,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(2), demo)), "seats");
        refused(manager, put("/api/v1/cross-training/budgets/" + rep.id()).content("{\"hours\":-1}"), "hours");
        refused(manager, put("/api/v1/cross-training/budgets/" + rep.id()).content("{\"hours\":201}"), "hours");
        // a seat on a rep's demo is for the other department
        String offer = training.call(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":60,"workKind":"activity","workId":"%s"}"""
                .formatted(inDays(2), demo)), 201);
        refused(otherRep, post("/api/v1/cross-training/offers/" + JsonPath.read(offer, "$.id") + "/bookings"), "learnerId");

        assertThat(count("crosstraining_session")).isEqualTo(sessions);
        assertThat(count("crosstraining_offer")).isEqualTo(offers + 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crosstraining_budget WHERE person_id = ?").param(rep.id().value())
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBookingThatWouldTakeTheLearnerOverTheirQuartersBudgetIsRefusedNamingTheFieldAndNothingIsStored()
            throws Exception {
        // two hours this quarter; a planned hour-long session already counts against them
        jdbc.sql("INSERT INTO crosstraining_budget (person_id, hours, set_by, set_at) VALUES (?, 2, ?, CURRENT_TIMESTAMP)")
                .params(marketer.id().value(), rep.id().value()).update();
        String starts = inDays(1);
        training.call(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","topic":"Pipeline stages","learnerIds":["%s"],"startsAt":"%s","durationMinutes":60}"""
                .formatted(marketer.id(), starts)), 201);
        String offer = training.call(rep, post("/api/v1/cross-training/offers").content("""
                {"startsAt":"%s","durationMinutes":90,"workKind":"activity","workId":"%s"}"""
                .formatted(starts, training.aDemoBy(rep))), 201);
        String offerId = JsonPath.read(offer, "$.id");
        String ask = training.call(marketer, post("/api/v1/cross-training/asks").content("{\"wants\":\"A demo\"}"), 201);
        long sessions = count("crosstraining_session");
        long learners = count("crosstraining_learner");

        String booking = training.call(marketer, post("/api/v1/cross-training/offers/" + offerId + "/bookings"), 400);
        assertThat(booking).contains("\"learnerId\"").contains("1 h of 2 h left").contains("takes 1.5 h");
        String match = training.call(rep, post("/api/v1/cross-training/asks/" + JsonPath.read(ask, "$.id") + "/match")
                .content("{\"offerId\":\"" + offerId + "\"}"), 400);
        assertThat(match).contains("\"askId\"");
        refused(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","topic":"Forecasting","learnerIds":["%s","%s"],"startsAt":"%s","durationMinutes":75}"""
                .formatted(otherRep.id(), marketer.id(), starts)), "learnerIds");

        assertThat(count("crosstraining_session")).isEqualTo(sessions);
        assertThat(count("crosstraining_learner")).isEqualTo(learners);
        assertThat(jdbc.sql("SELECT seats_taken FROM crosstraining_offer WHERE id = ?")
                .param(java.util.UUID.fromString(offerId)).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT status FROM crosstraining_ask WHERE id = ?")
                .param(java.util.UUID.fromString(JsonPath.read(ask, "$.id"))).query(String.class).single()).isEqualTo("OPEN");
        // what fits is still taken, and someone else with room books the seat that did not fit her
        training.call(rep, post("/api/v1/cross-training/sessions").content("""
                {"kind":"PLANNED","topic":"Forecasting","learnerIds":["%s"],"startsAt":"%s","durationMinutes":60}"""
                .formatted(marketer.id(), starts)), 201);
        training.call(otherMarketer, post("/api/v1/cross-training/offers/" + offerId + "/bookings"), 201);
    }

    @Test
    void twoBookingsAtOnceThatOnlyFitTheLearnersBudgetOneAtATimeGiveHerExactlyOne() throws Exception {
        jdbc.sql("INSERT INTO crosstraining_budget (person_id, hours, set_by, set_at) VALUES (?, 1, ?, CURRENT_TIMESTAMP)")
                .params(marketer.id().value(), rep.id().value()).update();
        String starts = inDays(1);
        List<String> offers = new ArrayList<>();
        for (Person host : List.of(rep, otherRep, rep)) {
            offers.add(JsonPath.read(training.call(host, post("/api/v1/cross-training/offers").content("""
                    {"startsAt":"%s","durationMinutes":60,"workKind":"activity","workId":"%s"}"""
                    .formatted(starts, training.aDemoBy(host))), 201), "$.id"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(offers.size());
        try {
            List<Future<MvcResult>> answers = new ArrayList<>();
            for (String offer : offers) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return training.perform(marketer, post("/api/v1/cross-training/offers/" + offer + "/bookings"));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MvcResult> f : answers) {
                MvcResult r = f.get();
                statuses.add(r.getResponse().getStatus());
                if (r.getResponse().getStatus() == 400) {
                    assertThat(r.getResponse().getContentAsString()).contains("\"learnerId\"");
                }
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM crosstraining_learner WHERE person_id = ?").param(marketer.id().value())
                .query(Long.class).single()).isEqualTo(1);
    }

    private void refused(Person caller, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String field) throws Exception {
        String problem = training.call(caller, request, 400);
        assertThat(problem).contains("\"" + field + "\"");
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
