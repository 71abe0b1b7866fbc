package org.smartketing.goals;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalPlanning;
import org.smartketing.support.Fixtures;
import org.smartketing.support.SeparateApplications;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.TeamId;
import org.smartketing.team.WorkingHours;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.teams.Team;
import org.smartketing.team.teams.Teams;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A goal's review job survives a restart and fires once with two nodes on one database. Runs
 * whole applications of its own (see SlaJobsRestartTests for the set-up).
 */
class ReviewJobsRestartTests {

    static ConfigurableApplicationContext node(String name, Duration polling) {
        return SeparateApplications.node("goals-restart", name, polling);
    }

    @Test
    void theReviewJobFiresOnceAfterARestartEvenWithTwoNodes() {
        Goal goal;
        try (ConfigurableApplicationContext first = node("first", Duration.ofHours(1))) {
            People people = first.getBean(People.class);
            Person rep = person(people, AppRole.MEMBER, Department.SALES);
            Person marketer = person(people, AppRole.MEMBER, Department.MARKETING);
            TeamId teamId = TeamId.random();
            first.getBean(Teams.class).insert(new Team(teamId, "Restart team " + teamId.value().toString().substring(0, 6),
                    null, Set.of(rep.id(), marketer.id()), Instant.now(), Instant.now()));
            GoalTeam team = new GoalTeam(teamId, null, null, rep, marketer, null);
            goal = first.getBean(GoalPlanning.class).set(team.fortyCustomers(), Fixtures.signedIn(rep));
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(jobs(jdbc, goal)).isEqualTo(1);
            // The application is down while the week passes: the review is due when it comes back.
            jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name = 'goal-review-due' AND task_instance LIKE ?")
                    .params(Timestamp.from(Instant.now().minusSeconds(60)), goal.id() + "@%").update();
        }
        try (ConfigurableApplicationContext second = node("second", Duration.ofMillis(200));
                ConfigurableApplicationContext third = node("third", Duration.ofMillis(200))) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            Goal g = goal;
            await("the review came due").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM goal_review WHERE goal_id = ? AND notified_at IS NOT NULL").param(g.id().value())
                    .query(Long.class).single() == 1);
            // The due job has run once it is replaced by the next review's job and the overdue one.
            await("the due job ran").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks "
                    + "WHERE task_instance LIKE ? AND execution_time < ?").params(g.id() + "@%",
                            Timestamp.from(Instant.now())).query(Long.class).single() == 0);
            List<String> subjects = jdbc.sql("SELECT subject FROM comms_message WHERE regarding_kind = 'goal' "
                    + "AND regarding_id = ?").param(g.id().toString()).query(String.class).list();
            assertThat(subjects).as("one notice per owner").hasSize(2).containsOnly("Review due: 40 new customers");
            assertThat(jobs(jdbc, g)).as("the next review and the overdue check").isEqualTo(2);
        }
    }

    private static long jobs(JdbcClient jdbc, Goal goal) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE ?").param(goal.id() + "@%")
                .query(Long.class).single();
    }

    private static Person person(People people, AppRole role, Department department) {
        String name = role.label() + " " + UUID.randomUUID().toString().substring(0, 8);
        Person p = Person.invited(name.replace(' ', '.').toLowerCase() + "@example.com", name, department, role,
                "Account executive", ZoneId.of("Europe/Berlin"), WorkingHours.standard(), null, Instant.now());
        people.insert(p);
        return p;
    }
}
