package org.smartketing.meetings;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.PartRows;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-through counted by the database: due items done on time, done late, not done and dropped,
 * by owner, department and series, in a period of promised dates; ratings and flags of closed
 * meetings. The meetings are written as the runner leaves them, in a year no other test uses.
 */
@IntegrationTest
class FollowThroughTests {

    @Autowired
    FollowThrough followThrough;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void countsEachWayACommittedItemEndsByOwnerDepartmentAndSeries() {
        Person sponsor = fixtures.aPerson(AppRole.MANAGER, Department.MANAGEMENT);
        Person rita = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        LocalDate day = LocalDate.of(2019, 1, 1).plusWeeks(Math.abs(rita.id().hashCode()) % 300);
        UUID family = series("Pipeline review " + UUID.randomUUID(), sponsor, day);
        UUID held = meeting(family, day, "Three actions each");
        commit(held, rita);
        commit(held, mia);
        item(held, family, rita, day.plusDays(7), "DONE", day.plusDays(6));
        item(held, family, rita, day.plusDays(7), "DONE", day.plusDays(9));
        item(held, family, rita, day.plusDays(7), "OPEN", null);
        item(held, family, mia, day.plusDays(7), "DROPPED", null);
        item(held, family, mia, day.plusDays(8), "DONE", day.plusDays(8));
        item(held, family, mia, LocalDate.now(clock).plusDays(30), "OPEN", null); // not due yet: not judged
        UUID uncommitted = meeting(family, day.plusDays(1), null);
        item(uncommitted, family, rita, day.plusDays(7), "DONE", day.plusDays(7)); // nobody committed: not judged
        rate(held, rita, 8);
        rate(held, mia, 5);

        FollowThrough.Report report = followThrough.report(day, day.plusDays(60));

        assertThat(report.byPerson()).filteredOn(r -> r.id().equals(rita.id().value())).singleElement()
                .isEqualTo(new FollowThrough.Rate(rita.id().value(), rita.displayName(), 3, 1, 1, 1, 0, 1.0 / 3));
        assertThat(report.byPerson()).filteredOn(r -> r.id().equals(mia.id().value())).singleElement()
                .isEqualTo(new FollowThrough.Rate(mia.id().value(), mia.displayName(), 2, 1, 0, 0, 1, 0.5));
        assertThat(report.byDepartment()).extracting(FollowThrough.Rate::name, FollowThrough.Rate::committed,
                FollowThrough.Rate::doneOnTime).contains(org.assertj.core.groups.Tuple.tuple("Sales", 3, 1),
                        org.assertj.core.groups.Tuple.tuple("Marketing", 2, 1));
        assertThat(report.bySeries()).filteredOn(r -> r.id().equals(family)).singleElement()
                .satisfies(r -> assertThat(r.committed()).isEqualTo(5));
        assertThat(report.ratings()).filteredOn(r -> r.familyId().equals(family)).singleElement()
                .satisfies(r -> {
                    assertThat(r.ratings()).isEqualTo(2);
                    assertThat(r.average()).isEqualTo(6.5);
                });
        assertThat(report.flagged()).filteredOn(f -> f.meetingId().equals(uncommitted))
                .extracting(FollowThrough.Flag::problem).containsExactly("ended without an end goal");
        assertThat(followThrough.report(day.plusDays(8), day.plusDays(9)).byPerson())
                .filteredOn(r -> r.id().equals(mia.id().value())).singleElement()
                .as("only what was promised for that day").satisfies(r -> assertThat(r.doneOnTime()).isOne());
    }

    private UUID series(String title, Person sponsor, LocalDate day) {
        return PartRows.series(jdbc, title, sponsor, day);
    }

    private UUID meeting(UUID family, LocalDate day, String endGoal) {
        return PartRows.meeting(jdbc, family, day, endGoal);
    }

    private void commit(UUID meeting, Person who) {
        PartRows.commit(jdbc, meeting, who);
    }

    private void item(UUID meeting, UUID family, Person owner, LocalDate due, String status, LocalDate doneOn) {
        PartRows.item(jdbc, meeting, family, owner, due, status, doneOn);
    }

    private void rate(UUID meeting, Person who, int rating) {
        jdbc.sql("INSERT INTO meeting_rating (meeting_id, person_id, rating, rated_at) VALUES (?, ?, ?, ?)")
                .params(meeting, who.id().value(), rating, Sql.utc(Instant.now())).update();
    }
}
