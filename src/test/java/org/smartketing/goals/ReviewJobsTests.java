package org.smartketing.goals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.goals.plan.NewGoal;
import org.smartketing.goals.review.ReviewJobs;
import org.smartketing.goals.review.Reviews;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Teams;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reviews come due on the goal's cadence as persistent jobs: the owners hear of it once, the next
 * review is scheduled, and the sponsor hears when a review is not held; a held review keeps,
 * adjusts and drops activities in one revision.
 */
@IntegrationTest
class ReviewJobsTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    Fixtures fixtures;

    @Autowired
    Teams teams;

    @Autowired
    GoalPlanning planning;

    @Autowired
    ReviewJobs jobs;

    @Autowired
    Reviews reviews;

    @Autowired
    SchedulerClient scheduler;

    GoalTeam team;

    Person sponsor;

    @BeforeEach
    void team() {
        team = GoalTeam.of(fixtures, teams);
        sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
    }

    @Test
    void aDueReviewTellsEachOwnerOnceSchedulesTheNextAndTellsTheSponsorWhenItIsNotHeld() {
        Goal goal = planning.set(sponsored(), team.as(team.rep()));
        ScheduledExecution<Object> first = job("goal-review-due", goal).orElseThrow();
        LocalDate due = LocalDate.parse(first.getTaskInstance().getId().substring(goal.id().toString().length() + 1));
        assertThat(first.getExecutionTime()).isEqualTo(due.atTime(9, 0).atZone(ZoneId.of("Europe/Berlin")).toInstant());
        assertThat(due).isEqualTo(jobs.nextReviewAfter(goal, LocalDate.now(ZoneId.of("Europe/Berlin"))).orElseThrow());

        scheduler.reschedule(first.getTaskInstance(), Instant.now());
        await("the owners hear the review is due").atMost(WAIT)
                .until(() -> fixtures.messagesTo(team.rep().id()) == 1 && fixtures.messagesTo(team.marketer().id()) == 1);
        assertThat(fixtures.lastMessageTo(team.rep().id())).startsWith("Review due: 40 new customers");
        DueJobs.awaitRun(scheduler, "goal-review-due", WAIT);
        assertThat(job("goal-review-due", goal)).as("the next review").hasValueSatisfying(next -> assertThat(
                next.getTaskInstance().getId()).isEqualTo(goal.id() + "@" + goal.cadence().nth(goal.period().startsOn(),
                        (int) java.time.temporal.ChronoUnit.WEEKS.between(goal.period().startsOn(), due) + 1)));

        scheduler.reschedule(job("goal-review-overdue", goal).orElseThrow().getTaskInstance(), Instant.now());
        await("the sponsor hears it was not held").atMost(WAIT).until(() -> fixtures.messagesTo(sponsor.id()) == 1);
        assertThat(fixtures.lastMessageTo(sponsor.id())).startsWith("Review not held: 40 new customers");

        jobs.fire(ReviewJobs.Kind.DUE, goal.id() + "@" + due);
        jobs.fire(ReviewJobs.Kind.OVERDUE, goal.id() + "@" + due);
        assertThat(fixtures.messagesTo(team.rep().id())).as("each job fires once").isEqualTo(1);
        assertThat(fixtures.messagesTo(sponsor.id())).isEqualTo(1);
    }

    @Test
    void aHeldReviewKeepsAdjustsAndDropsInOneRevisionAndIsNotEscalated() {
        Goal goal = planning.set(sponsored(), team.as(team.rep()));
        LocalDate due = jobs.nextReviewAfter(goal, goal.period().today(Instant.now())).orElseThrow();
        jobs.fire(ReviewJobs.Kind.DUE, goal.id() + "@" + due);
        var demos = goal.plan().activities().get(0);
        var webinars = goal.plan().activities().get(1);
        Goal after = reviews.hold(goal.id(), new Reviews.Held(1, "Demos convert better than we thought; no webinar budget",
                null, List.of(new Reviews.Decision(demos.id(), "ADJUST", 8, null, null),
                        new Reviews.Decision(webinars.id(), "DROP", null, null, null)), null), team.as(team.headOfSales()));
        assertThat(after.version()).isEqualTo(2);
        assertThat(planning.revisions(goal.id()).get(1).changes()).containsExactly("Demos: target 10 a week → 8 a week",
                "Webinars dropped");
        assertThat(reviews.of(goal.id())).singleElement().satisfies(r -> {
            assertThat(r.held()).isTrue();
            assertThat(r.heldVersion()).isEqualTo(2);
        });
        jobs.fire(ReviewJobs.Kind.OVERDUE, goal.id() + "@" + due);
        assertThat(fixtures.messagesTo(sponsor.id())).as("a held review is not escalated").isZero();
        Goal kept = reviews.hold(goal.id(), new Reviews.Held(2, "All on track", null, List.of(
                new Reviews.Decision(demos.id(), "KEEP", null, null, null)), null), team.as(team.rep()));
        assertThat(kept.version()).as("keeping everything changes nothing").isEqualTo(2);
    }

    private NewGoal sponsored() {
        NewGoal g = team.fortyCustomers();
        return new NewGoal(g.teamId(), g.title(), g.period(), g.zone(), g.outcome(), g.cadence(), sponsor.id().value(),
                g.activities());
    }

    private Optional<ScheduledExecution<Object>> job(String task, Goal goal) {
        return scheduler.getScheduledExecutionsForTask(task).stream()
                .filter(e -> e.getTaskInstance().getId().startsWith(goal.id().toString())).findFirst();
    }
}
