package org.smartketing.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.plan.Outcome;
import org.smartketing.goals.plan.Period;
import org.smartketing.goals.plan.PlannedActivity;
import org.smartketing.support.Fixtures;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamId;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Team;
import org.smartketing.team.teams.Teams;

/** A mixed team for goal tests: the heads of sales and marketing, a rep, a marketer, and someone outside it. */
public record GoalTeam(TeamId id, Person headOfSales, Person headOfMarketing, Person rep, Person marketer, Person outsider) {

    public static GoalTeam of(Fixtures fixtures, Teams teams) {
        Person headOfSales = fixtures.aPerson(AppRole.MANAGER, Department.SALES);
        Person headOfMarketing = fixtures.aPerson(AppRole.MANAGER, Department.MARKETING);
        Person rep = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person marketer = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        Person outsider = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        TeamId id = TeamId.random();
        teams.insert(new Team(id, "Goal team " + id.value().toString().substring(0, 8), null,
                Set.of(headOfSales.id(), headOfMarketing.id(), rep.id(), marketer.id()), Instant.now(), Instant.now()));
        return new GoalTeam(id, headOfSales, headOfMarketing, rep, marketer, outsider);
    }

    /** This quarter's "40 new customers": demos by the rep (10 demos → 2 customers) and webinars by the marketer. */
    public NewGoal fortyCustomers() {
        return new NewGoal(id.value(), "40 new customers", thisQuarter(), "Europe/Berlin", new Outcome.Input("NEW_CUSTOMERS", new BigDecimal("40"), null), "WEEKLY",
                null, List.of(PlannedActivity.Input.of("DEMO", 10, "WEEK", List.of(rep.id().value()), 10, new BigDecimal("2")),
                        PlannedActivity.Input.of("WEBINAR", 1, "MONTH", List.of(marketer.id().value()), null, null)));
    }

    static Period.Input thisQuarter() {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"));
        return new Period.Input(today.getYear() + "-Q" + today.get(java.time.temporal.IsoFields.QUARTER_OF_YEAR), null,
                null, null);
    }

    public SignedInPerson as(Person p) {
        return Fixtures.signedIn(p);
    }
}
