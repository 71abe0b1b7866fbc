package org.smartketing.team.signin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Secrets;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Links that work once and expire: invitations and password resets. Issuing a new link for the
 * same purpose voids the person's earlier unused ones.
 */
@Service
public class OneTimeLinks {

    public enum Purpose { INVITATION, PASSWORD_RESET }

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeLinks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @return the secret to put into the link; only its hash is kept */
    public String issue(PersonId person, Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        jdbc.sql("UPDATE one_time_link SET expires_at = ? WHERE person_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?")
                .params(Sql.utc(now), person.value(), purpose.name(), Sql.utc(now)).update();
        String secret = Secrets.newSecret();
        jdbc.sql("""
                INSERT INTO one_time_link (id, purpose, token_hash, person_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), purpose.name(), Secrets.hash(secret), person.value(), Sql.utc(now),
                        Sql.utc(now.plus(validity)))
                .update();
        return secret;
    }

    /** The person a still-valid link belongs to, without using it up. */
    public Optional<PersonId> holder(String secret, Purpose purpose) {
        return jdbc.sql("""
                SELECT person_id FROM one_time_link
                WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(Secrets.hash(secret), purpose.name(), Sql.utc(clock.instant()))
                .query((rs, n) -> new PersonId(Sql.uuid(rs, "person_id"))).optional();
    }

    /** Uses the link up; refuses one that is unknown, used or expired. */
    public PersonId redeem(String secret, Purpose purpose) {
        PersonId person = holder(secret, purpose).orElseThrow(() -> new RuleViolationException(
                "This link has expired or was already used. Ask for a new one."));
        int used = jdbc.sql("UPDATE one_time_link SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(Sql.utc(clock.instant()), Secrets.hash(secret)).update();
        if (used != 1) {
            throw new RuleViolationException("This link was used a moment ago.");
        }
        return person;
    }
}
