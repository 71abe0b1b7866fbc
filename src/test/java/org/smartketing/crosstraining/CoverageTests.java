package org.smartketing.crosstraining;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.activity.ActivityLog;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.coverage.Pairings;
import org.smartketing.crosstraining.sessions.Sessions;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.routing.OutOfOffice;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.TestClock;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The matrix on a seeded team: a gap closes when a session is held; suggestions never name someone
 * off-grid, out of office, over budget or without a working-hour overlap, and say why they are made.
 * Each test has job roles of its own, so the people of other tests in the shared database do not count.
 */
@IntegrationTest
class CoverageTests {

    @Autowired
    Coverage coverage;

    @Autowired
    Pairings pairings;

    @Autowired
    Sessions sessions;

    @Autowired
    Budgets budgets;

    @Autowired
    People people;

    @Autowired
    Fixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    LeadRouter router;

    @Autowired
    ActivityLog activities;

    @Autowired
    MockMvc mvc;

    String role;

    @BeforeEach
    void aRoleOfItsOwn() {
        role = "Solutions engineer " + UUID.randomUUID().toString().substring(0, 6);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theGapClosesAsSessionsAreHeldAndTheTargetIsTwoWhoHaveSeenItAndOneWhoHosted() {
        Person host = person(Department.SALES, role, ZoneId.of("Europe/Berlin"), WorkingHours.standard());
        Person mia = person(Department.MARKETING, "Content marketer", ZoneId.of("Europe/Berlin"), WorkingHours.standard());
        Person noah = person(Department.MARKETING, "Content marketer", ZoneId.of("Europe/Berlin"), WorkingHours.standard());

        Coverage.Matrix before = coverage.matrix();
        assertThat(before.role(role).seenBy()).isZero();
        assertThat(before.role(role).gap()).startsWith("nobody in marketing has seen a solutions engineer");
        assertThat(before.roleGaps()).extracting(Coverage.RoleStatus::role).contains(role);
        assertThat(before.seenNothing()).extracting(r -> r.person().id()).contains(mia.id(), noah.id());

        heldSession(host, mia);
        Coverage.Matrix after = coverage.matrix();
        Coverage.Row miasRow = after.row(mia.id());
        Coverage.Column column = miasRow.columns().stream().filter(c -> role.equals(c.role())).findFirst().orElseThrow();
        assertThat(miasRow.cell(column).sessions()).isEqualTo(1);
        assertThat(miasRow.cell(column).hours()).isEqualTo(1.5);
        assertThat(miasRow.cell(column).last()).isNotNull();
        assertThat(after.seenNothing()).extracting(r -> r.person().id()).doesNotContain(mia.id()).contains(noah.id());
        assertThat(after.role(role).seenBy()).isEqualTo(1);
        assertThat(after.role(role).hosts()).isEqualTo(1);
        assertThat(after.role(role).meetsTarget()).isFalse();
        assertThat(after.role(role).gap()).isEqualTo("only 1 in marketing has seen it (target 2)");

        heldSession(host, noah);
        assertThat(coverage.matrix().role(role).meetsTarget()).isTrue();
        assertThat(coverage.matrix().roleGaps()).extracting(Coverage.RoleStatus::role).doesNotContain(role);
    }

    @Test
    void suggestionsNeverNameSomeoneAwayOverBudgetOrWithoutOverlapAndSayWhy() throws Exception {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Person host = person(Department.SALES, role, berlin, WorkingHours.standard());
        Person offGridHost = person(Department.SALES, role, berlin, WorkingHours.standard());
        Person awayHost = person(Department.SALES, role, berlin, WorkingHours.standard());
        // 09:00–17:00 in Auckland is night in Berlin: no overlap with anyone here
        Person farHost = person(Department.SALES, role, ZoneId.of("Pacific/Auckland"), WorkingHours.standard());
        Person mia = person(Department.MARKETING, "Content marketer", berlin, WorkingHours.standard());
        Person lateMia = person(Department.MARKETING, "Content marketer", ZoneId.of("America/New_York"),
                new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0), EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY)));
        Person spent = person(Department.MARKETING, "Content marketer", berlin, WorkingHours.standard());
        Person admin = fixtures.aPerson(AppRole.ADMIN, Department.OPERATIONS);
        budgets.set(spent.id(), 0, false, Fixtures.signedIn(admin));
        Person offGridLearner = person(Department.MARKETING, "Content marketer", berlin, WorkingHours.standard());
        offGrid(admin, offGridHost);
        offGrid(admin, offGridLearner);
        outOfOffice(awayHost);

        // everyone else in the shared database may be suggested too: look at this test's people only
        List<org.smartketing.team.PersonId> ours = List.of(mia.id(), lateMia.id(), spent.id(), offGridLearner.id());
        List<Pairings.Suggestion> mine = pairings.ranked(coverage.matrix()).stream()
                .filter(s -> s.role().equals(role) && ours.contains(s.learner().id())).toList();
        assertThat(mine).extracting(s -> s.host().id()).containsOnly(host.id());
        assertThat(mine).extracting(s -> s.learner().id()).containsExactly(mia.id(), lateMia.id())
                .doesNotContain(spent.id(), offGridLearner.id());
        Pairings.Suggestion first = mine.get(0);
        assertThat(first.gap()).isEqualTo(3);
        assertThat(first.overlapHours()).isEqualTo(40.0);
        assertThat(first.reason()).isEqualTo("Nobody in marketing has seen a " + role.toLowerCase() + "'s work yet; "
                + mia.displayName() + " has seen nothing of sales yet; 40 h a week of both working hours overlap "
                + "(both in Europe/Berlin); 12 h of " + mia.displayName() + "'s budget left this quarter.");
        // New York 08:00–12:00 on Mondays and Tuesdays is 14:00–17:00 in Berlin (13:00–17:00 a few weeks a year)
        assertThat(mine.get(1).overlapHours()).isBetween(6.0, 8.0);
        assertThat(mine.get(1).reason()).contains("(America/New_York and Europe/Berlin)");
    }

    private void offGrid(Person admin, Person who) throws Exception {
        new Training(activities, fixtures, mvc).call(admin, post("/api/v1/people/" + who.id() + "/off-grid").content("""
                {"from":"%s","until":"%s","urgent":[],"normal":[],"fyi":[],"note":"Travelling"}"""
                .formatted(Instant.now().minus(Duration.ofHours(1)), Instant.now().plus(Duration.ofDays(5)))), 201);
    }

    private void outOfOffice(Person who) {
        var setup = router.setup();
        List<OutOfOffice> away = new java.util.ArrayList<>(setup.outOfOffice());
        away.add(new OutOfOffice(null, who.id().value(), Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(5)), "Holiday"));
        router.replace(setup.withOutOfOffice(away).basedOn(setup.version()));
    }

    private void heldSession(Person host, Person learner) {
        clock.advance(Duration.ofDays(-3));
        sessions.plan(new Sessions.NewSession("PLANNED", "How a solutions engineer runs a proof of concept",
                host.id().value(), List.of(learner.id().value()), clock.instant().plus(Duration.ofDays(1)), 90, null,
                null, null), Fixtures.signedIn(host));
        clock.reset();
    }

    private Person person(Department department, String jobRole, ZoneId zone, WorkingHours hours) {
        String name = "Person " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, department,
                AppRole.MEMBER, jobRole, zone, hours, null, Instant.now());
        people.insert(p);
        return p;
    }
}
