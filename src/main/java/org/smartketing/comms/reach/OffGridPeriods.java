package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Periods in which people are off the grid: from (inclusive) to (exclusive), with a delegate. */
@Repository
class OffGridPeriods {

    record Period(UUID id, PersonId person, Instant from, Instant until, PersonId delegate,
            Map<Urgency, List<Channel>> stillReach, String note) {

        Reach.OffGrid offGrid() {
            Map<Urgency, List<Channel>> reaching = new EnumMap<>(Urgency.class);
            stillReach.forEach((urgency, channels) -> {
                if (!channels.isEmpty()) {
                    reaching.put(urgency, channels);
                }
            });
            return new Reach.OffGrid(from, until, delegate, Map.copyOf(reaching));
        }

        boolean covers(Instant at) {
            return !at.isBefore(from) && at.isBefore(until);
        }
    }

    private static final RowMapper<Period> ROW = (rs, n) -> {
        Map<Urgency, List<Channel>> stillReach = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            stillReach.put(urgency, ChannelLists.parse(rs.getString(urgency.name().toLowerCase() + "_channels")));
        }
        UUID delegate = Sql.uuid(rs, "delegate_id");
        return new Period(Sql.uuid(rs, "id"), new PersonId(Sql.uuid(rs, "person_id")), Sql.instant(rs, "starts_at"),
                Sql.instant(rs, "ends_at"), delegate == null ? null : new PersonId(delegate), Map.copyOf(stillReach),
                rs.getString("note"));
    };

    private final JdbcClient jdbc;

    OffGridPeriods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Period> byId(UUID id) {
        return jdbc.sql("SELECT * FROM comms_off_grid WHERE id = ?").param(id).query(ROW).optional();
    }

    /** The person's periods that have not ended by {@code at}, soonest first. */
    List<Period> ahead(PersonId person, Instant at) {
        return jdbc.sql("SELECT * FROM comms_off_grid WHERE person_id = ? AND ends_at > ? ORDER BY starts_at")
                .params(person.value(), Sql.utc(at)).query(ROW).list();
    }

    Optional<Period> covering(PersonId person, Instant at) {
        return jdbc.sql("""
                SELECT * FROM comms_off_grid WHERE person_id = ? AND starts_at <= ? AND ends_at > ?
                ORDER BY starts_at DESC""").params(person.value(), Sql.utc(at), Sql.utc(at)).query(ROW).list()
                .stream().findFirst();
    }

    List<Period> covering(Collection<UUID> people, Instant at) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM comms_off_grid WHERE person_id IN (:people) AND starts_at <= :at AND ends_at > :at
                ORDER BY starts_at DESC""").param("people", people).param("at", Sql.utc(at)).query(ROW).list();
    }

    /** The first of the person's periods that overlaps [from, until), if any. */
    Optional<Period> overlapping(PersonId person, Instant from, Instant until) {
        return jdbc.sql("""
                SELECT * FROM comms_off_grid WHERE person_id = ? AND starts_at < ? AND ends_at > ?
                ORDER BY starts_at""").params(person.value(), Sql.utc(until), Sql.utc(from)).query(ROW).list()
                .stream().findFirst();
    }

    void add(Period period) {
        Map<Urgency, List<Channel>> reach = period.stillReach();
        jdbc.sql("""
                INSERT INTO comms_off_grid (id, person_id, starts_at, ends_at, delegate_id, urgent_channels,
                    normal_channels, fyi_channels, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(period.id(), period.person().value(), Sql.utc(period.from()), Sql.utc(period.until()),
                        period.delegate() == null ? null : period.delegate().value(),
                        ChannelLists.format(reach.getOrDefault(Urgency.URGENT, List.of())),
                        ChannelLists.format(reach.getOrDefault(Urgency.NORMAL, List.of())),
                        ChannelLists.format(reach.getOrDefault(Urgency.FYI, List.of())), period.note())
                .update();
    }

    boolean remove(UUID id) {
        return jdbc.sql("DELETE FROM comms_off_grid WHERE id = ?").param(id).update() > 0;
    }
}
