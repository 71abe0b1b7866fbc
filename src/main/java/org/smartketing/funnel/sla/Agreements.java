package org.smartketing.funnel.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.smartketing.team.Department;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agreement's versions and their signatures; versions are never changed, only added. */
@Repository
class Agreements {

    private final JdbcClient jdbc;

    Agreements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Agreement> latest() {
        return jdbc.sql("SELECT * FROM sla_agreement ORDER BY version DESC LIMIT 1").query(this::map).optional();
    }

    /** The version in force just before {@code at}. */
    Optional<Agreement> inForceBefore(Instant at) {
        return jdbc.sql("SELECT * FROM sla_agreement WHERE created_at < ? ORDER BY version DESC LIMIT 1")
                .param(Sql.utc(at)).query(this::map).optional();
    }

    void insert(Agreement a, UUID createdById) {
        jdbc.sql("""
                INSERT INTO sla_agreement (version, accept_hours, first_contact_hours, mqls_per_month, created_at,
                    created_by_id, created_by_label) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(a.version(), a.acceptHours(), a.firstContactHours(), a.mqlsPerMonth(), Sql.utc(a.createdAt()),
                        createdById, a.createdBy())
                .update();
    }

    void sign(int version, Agreement.Signature s) {
        jdbc.sql("""
                INSERT INTO sla_signature (version, department, person_id, person_name, signed_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(version, s.department().name(), s.personId(), s.personName(), Sql.utc(s.signedAt()))
                .update();
    }

    private Agreement map(ResultSet rs, int row) throws SQLException {
        int version = rs.getInt("version");
        List<Agreement.Signature> signatures = jdbc.sql("SELECT * FROM sla_signature WHERE version = ? ORDER BY signed_at")
                .param(version)
                .query((s, n) -> new Agreement.Signature(Department.valueOf(s.getString("department")),
                        Sql.uuid(s, "person_id"), s.getString("person_name"), Sql.instant(s, "signed_at")))
                .list();
        return new Agreement(version, rs.getInt("accept_hours"), rs.getInt("first_contact_hours"),
                rs.getInt("mqls_per_month"), Sql.instant(rs, "created_at"), rs.getString("created_by_label"), signatures);
    }
}
