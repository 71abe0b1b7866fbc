package org.smartketing.meetings.planning;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Secrets;
import org.smartketing.shared.Sql;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's private calendar feed: a secret link (shown once, stored as its SHA-256 hash) that
 * calendar apps subscribe to without signing in. A new link revokes the old one; revoking stops it.
 */
@Service
@Transactional
public class CalendarFeeds {

    private final JdbcClient jdbc;
    private final SeriesStore series;
    private final MeetingStore meetings;
    private final TeamDirectory directory;
    private final Invitations invitations;
    private final AuditLog audit;
    private final Clock clock;

    CalendarFeeds(JdbcClient jdbc, SeriesStore series, MeetingStore meetings, TeamDirectory directory,
            Invitations invitations, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.series = series;
        this.meetings = meetings;
        this.directory = directory;
        this.invitations = invitations;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new feed link; the one before stops working. Returns the full URL, shown once. */
    public String renew(PersonId person) {
        revoke(person);
        String secret = Secrets.newSecret();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO calendar_feed (id, person_id, token_hash, hint, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(id, person.value(), Secrets.hash(secret), secret.substring(secret.length() - 4),
                        Sql.utc(clock.instant()))
                .update();
        audit.record("calendar-feed", id, "created", null, java.util.Map.of("owner", person.toString()));
        return invitations.baseUrl() + "/calendar/" + secret + ".ics";
    }

    public void revoke(PersonId person) {
        jdbc.sql("UPDATE calendar_feed SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL")
                .params(Sql.utc(clock.instant()), person.value()).update();
    }

    /** The hint (last four characters) of the person's active feed link, if any. */
    @Transactional(readOnly = true)
    public Optional<String> activeHint(PersonId person) {
        return jdbc.sql("SELECT hint FROM calendar_feed WHERE person_id = ? AND revoked_at IS NULL")
                .param(person.value()).query(String.class).optional();
    }

    /** The feed for a secret, or empty for an unknown or revoked one (or a disabled owner). */
    @Transactional(readOnly = true)
    public Optional<String> feed(String secret) {
        if (secret == null || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT person_id FROM calendar_feed WHERE token_hash = ? AND revoked_at IS NULL")
                .param(Secrets.hash(secret)).query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id"))).optional()
                .filter(p -> directory.person(p).filter(PersonSummary::enabled).isPresent())
                .map(this::calendarOf);
    }

    @Transactional(readOnly = true)
    public String calendarOf(PersonId person) {
        IcsWriter writer = invitations.writer();
        List<Series> mine = series.involving(person);
        mine.forEach(s -> writer.series(s, meetings.ofSeries(s.id())));
        return writer.write(null);
    }
}
