package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each person's mobile phone and chat webhook, with their verification state. */
@Repository
class ContactMethods {

    /** A phone serves text and voice; a chat webhook serves chat. Email is the account's, in-app is always there. */
    enum Kind {
        PHONE, CHAT
    }

    record ContactMethod(UUID id, PersonId person, Kind kind, String address, String codeHash, Instant codeExpiresAt,
            int attemptsLeft, Instant verifiedAt, Instant createdAt) {

        public boolean verified() {
            return verifiedAt != null;
        }

        ContactMethod withCode(String hash, Instant expiresAt, int attempts) {
            return new ContactMethod(id, person, kind, address, hash, expiresAt, attempts, verifiedAt, createdAt);
        }
    }

    private static final RowMapper<ContactMethod> ROW = (rs, n) -> new ContactMethod(Sql.uuid(rs, "id"),
            new PersonId(Sql.uuid(rs, "person_id")), Kind.valueOf(rs.getString("kind")), rs.getString("address"),
            rs.getString("code_hash"), Sql.instant(rs, "code_expires_at"), rs.getInt("attempts_left"),
            Sql.instant(rs, "verified_at"), Sql.instant(rs, "created_at"));

    private final JdbcClient jdbc;

    ContactMethods(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ContactMethod> of(PersonId person) {
        return jdbc.sql("SELECT * FROM comms_contact_method WHERE person_id = ? ORDER BY kind")
                .param(person.value()).query(ROW).list();
    }

    Optional<ContactMethod> of(PersonId person, Kind kind) {
        return jdbc.sql("SELECT * FROM comms_contact_method WHERE person_id = ? AND kind = ?")
                .params(person.value(), kind.name()).query(ROW).optional();
    }

    List<ContactMethod> verifiedOf(Collection<UUID> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM comms_contact_method WHERE verified_at IS NOT NULL AND person_id IN (:people)")
                .param("people", people).query(ROW).list();
    }

    /** Replaces the person's method of that kind. */
    void replace(ContactMethod method) {
        remove(method.person(), method.kind());
        jdbc.sql("""
                INSERT INTO comms_contact_method (id, person_id, kind, address, code_hash, code_expires_at,
                    attempts_left, verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(method.id(), method.person().value(), method.kind().name(), method.address(),
                        method.codeHash(), Sql.utc(method.codeExpiresAt()), method.attemptsLeft(),
                        Sql.utc(method.verifiedAt()), Sql.utc(method.createdAt()))
                .update();
    }

    void newCode(UUID id, String hash, Instant expiresAt, int attempts) {
        jdbc.sql("UPDATE comms_contact_method SET code_hash = ?, code_expires_at = ?, attempts_left = ? WHERE id = ?")
                .params(hash, Sql.utc(expiresAt), attempts, id).update();
    }

    void attemptFailed(UUID id) {
        jdbc.sql("UPDATE comms_contact_method SET attempts_left = attempts_left - 1 WHERE id = ? AND attempts_left > 0")
                .param(id).update();
    }

    void verified(UUID id, Instant at) {
        jdbc.sql("""
                UPDATE comms_contact_method SET verified_at = ?, code_hash = NULL, code_expires_at = NULL,
                    attempts_left = 0 WHERE id = ?""").params(Sql.utc(at), id).update();
    }

    boolean remove(PersonId person, Kind kind) {
        return jdbc.sql("DELETE FROM comms_contact_method WHERE person_id = ? AND kind = ?")
                .params(person.value(), kind.name()).update() > 0;
    }
}
