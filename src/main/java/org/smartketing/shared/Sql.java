package org.smartketing.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Column conversions that behave the same on H2 and PostgreSQL: instants are written as UTC
 * {@link OffsetDateTime}s (pgjdbc does not bind {@link Instant}) and read back the same way.
 */
public final class Sql {

    private Sql() {
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    /** A LIKE pattern that matches the text anywhere, with the user's % and _ taken literally. */
    /** {@code n} question marks for an IN list: "?, ?, ?". */
    public static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    public static String contains(String text) {
        return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
