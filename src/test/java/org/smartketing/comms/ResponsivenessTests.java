package org.smartketing.comms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledgement against promise as other parts read it: per person and per department, kept
 * and broken promises, median and p90 by the one percentile, URGENT never acknowledged. The
 * messages are written as the outbox leaves them, in a week of 2020 nobody else's test uses.
 */
@IntegrationTest
class ResponsivenessTests {

    static final Instant WEEK = Instant.parse("2020-02-03T08:00:00Z");

    @Autowired
    Responsiveness responsiveness;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsKeptAndBrokenPromisesWithPercentilesPerPersonAndDepartment() {
        Person rita = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person sam = fixtures.aPerson(AppRole.MEMBER, Department.SALES);
        Person mia = fixtures.aPerson(AppRole.MEMBER, Department.MARKETING);
        // a week of its own, always in the past: a promise counts as broken only once its time has passed
        Instant from = WEEK.plus(Duration.ofDays(7 * (long) (Math.abs(rita.id().hashCode()) % 250)));
        // Rita: 10, 20 and 90 minutes against 60 promised (two kept, one broken), one URGENT that no channel got through
        received(rita, "NORMAL", from, 60, 10, true);
        received(rita, "URGENT", from.plusSeconds(60), 60, 20, true);
        received(rita, "URGENT", from.plusSeconds(120), 60, 90, true);
        received(rita, "URGENT", from.plusSeconds(180), 60, null, false);
        // Sam: one still unacknowledged long after its promise ran out, with nothing left to try
        received(sam, "URGENT", from.plusSeconds(240), 15, null, true);
        // Mia: one acknowledged in 5 of 240 minutes; one FYI (no promise) that does not count
        received(mia, "NORMAL", from.plusSeconds(300), 240, 5, true);
        received(mia, "FYI", from.plusSeconds(360), null, null, true);
        Instant to = from.plus(Duration.ofDays(1));

        List<Responsiveness.Figures> people = responsiveness.byPerson(from, to);
        assertThat(people).extracting(Responsiveness.Figures::person).containsExactlyInAnyOrder(rita.id(), sam.id(),
                mia.id());
        assertThat(responsiveness.of(rita.id(), from, to)).hasValueSatisfying(f -> {
            assertThat(f.name()).isEqualTo(rita.displayName());
            assertThat(f.department()).isEqualTo(Department.SALES);
            assertThat(f.messages()).as("delivered with a promise").isEqualTo(3);
            assertThat(f.acknowledged()).isEqualTo(3);
            assertThat(f.kept()).isEqualTo(2);
            assertThat(f.broken()).isEqualTo(1);
            assertThat(f.medianMinutes()).isEqualTo(20);
            assertThat(f.p90Minutes()).as("20 + 0.8 × 70 (PERCENTILE.INC)").isEqualTo(76);
            assertThat(f.shortestPromiseMinutes()).isEqualTo(60);
            assertThat(f.shareKept()).isEqualTo(2.0 / 3);
            assertThat(f.urgentNeverAcknowledged()).isEqualTo(1);
        });
        assertThat(responsiveness.of(sam.id(), from, to)).hasValueSatisfying(f -> {
            assertThat(f.acknowledged()).isZero();
            assertThat(f.broken()).isEqualTo(1);
            assertThat(f.medianMinutes()).isNull();
            assertThat(f.shareKept()).isZero();
            assertThat(f.urgentNeverAcknowledged()).isEqualTo(1);
        });

        assertThat(responsiveness.byDepartment(from, to)).satisfiesExactly(sales -> {
            assertThat(sales.department()).isEqualTo(Department.SALES);
            assertThat(sales.person()).isNull();
            assertThat(sales.messages()).isEqualTo(4);
            assertThat(sales.kept()).isEqualTo(2);
            assertThat(sales.broken()).isEqualTo(2);
            assertThat(sales.medianMinutes()).isEqualTo(20);
            assertThat(sales.urgentNeverAcknowledged()).isEqualTo(2);
        }, marketing -> {
            assertThat(marketing.department()).isEqualTo(Department.MARKETING);
            assertThat(marketing.messages()).isEqualTo(1);
            assertThat(marketing.kept()).isEqualTo(1);
            assertThat(marketing.medianMinutes()).isEqualTo(5);
            assertThat(marketing.shareKept()).isEqualTo(1.0);
        });
        assertThat(responsiveness.byPerson(to, to.plus(Duration.ofDays(1)))).as("another period").isEmpty();
    }

    private void received(Person to, String urgency, Instant sentAt, Integer promised, Integer ackAfterMinutes,
            boolean delivered) {
        org.smartketing.support.PartRows.received(jdbc, to, urgency, sentAt, promised, ackAfterMinutes, delivered);
    }
}
