package org.smartketing.comms.reach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.Urgency;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The expectations people confirmed; whoever has no row here lives on the defaults. */
@Repository
class StoredExpectations {

    record Confirmed(PersonId person, Map<Urgency, Reach.Expectation> expectations, Reach.QuietHours quietHours,
            Instant confirmedAt) {
    }

    private static final RowMapper<Confirmed> ROW = (rs, n) -> {
        Map<Urgency, Reach.Expectation> expectations = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            String prefix = urgency.name().toLowerCase();
            expectations.put(urgency, new Reach.Expectation(ChannelLists.parse(rs.getString(prefix + "_channels")),
                    Duration.ofMinutes(rs.getInt(prefix + "_minutes"))));
        }
        LocalTime from = rs.getObject("quiet_from", LocalTime.class);
        LocalTime until = rs.getObject("quiet_until", LocalTime.class);
        return new Confirmed(new PersonId(Sql.uuid(rs, "person_id")), Map.copyOf(expectations),
                from == null ? null : new Reach.QuietHours(from, until), Sql.instant(rs, "confirmed_at"));
    };

    private final JdbcClient jdbc;

    StoredExpectations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Confirmed> of(PersonId person) {
        return jdbc.sql("SELECT * FROM comms_expectations WHERE person_id = ?").param(person.value()).query(ROW)
                .optional();
    }

    List<Confirmed> of(Collection<UUID> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM comms_expectations WHERE person_id IN (:people)").param("people", people)
                .query(ROW).list();
    }

    void save(Confirmed confirmed) {
        jdbc.sql("DELETE FROM comms_expectations WHERE person_id = ?").param(confirmed.person().value()).update();
        Map<Urgency, Reach.Expectation> e = confirmed.expectations();
        jdbc.sql("""
                INSERT INTO comms_expectations (person_id, urgent_channels, urgent_minutes, normal_channels,
                    normal_minutes, fyi_channels, fyi_minutes, quiet_from, quiet_until, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(confirmed.person().value(),
                        ChannelLists.format(e.get(Urgency.URGENT).channels()), minutes(e.get(Urgency.URGENT)),
                        ChannelLists.format(e.get(Urgency.NORMAL).channels()), minutes(e.get(Urgency.NORMAL)),
                        ChannelLists.format(e.get(Urgency.FYI).channels()), minutes(e.get(Urgency.FYI)),
                        confirmed.quietHours() == null ? null : confirmed.quietHours().from(),
                        confirmed.quietHours() == null ? null : confirmed.quietHours().until(),
                        Sql.utc(confirmed.confirmedAt()))
                .update();
    }

    private static int minutes(Reach.Expectation expectation) {
        return (int) expectation.responseTime().toMinutes();
    }
}
