package org.smartketing.activity.counts;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.smartketing.activity.ActivityType;
import org.smartketing.shared.Sql;
import org.smartketing.team.PersonId;

/** Reading a counter's key from a row of the rollup. */
final class Rows {

    private Rows() {
    }

    static CountKey key(ResultSet rs) throws SQLException {
        return new CountKey(Sql.instant(rs, "hour_start"), new PersonId(Sql.uuid(rs, "person_id")),
                ActivityType.valueOf(rs.getString("type")), CountKey.department(rs.getString("department")));
    }
}
