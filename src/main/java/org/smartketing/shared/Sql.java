package org.smartketing.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;

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

    /** How many rows a streamed query reads from the database at a time. */
    public static final int FETCH_SIZE = 500;

    /**
     * Hands each row to {@code each} as it is read, never holding more than {@link #FETCH_SIZE}.
     * Call it inside a (read-only) transaction: outside one, PostgreSQL sends every row at once.
     */
    public static <T> void each(JdbcTemplate jdbc, String sql, List<Object> args, RowMapper<T> mapper,
            Consumer<? super T> each) {
        int[] row = { 0 };
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql);
            statement.setFetchSize(FETCH_SIZE);
            new ArgumentPreparedStatementSetter(args.toArray()).setValues(statement);
            return statement;
        }, (RowCallbackHandler) rs -> each.accept(mapper.mapRow(rs, row[0]++)));
    }
}
