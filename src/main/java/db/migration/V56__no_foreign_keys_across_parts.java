package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * People and teams are the team part's: the funnel, comms and meetings check a person or team id
 * through {@code TeamDirectory} when they write it, so their tables keep no foreign keys to
 * {@code person} or {@code team}. Dropped by what the database calls them (H2 named the early
 * ones itself, and the names it chose depend on the order of the migrations), so one migration
 * serves both databases.
 */
public class V56__no_foreign_keys_across_parts extends BaseJavaMigration {

    static final Set<String> TEAM_TABLES = Set.of("person", "team");
    static final List<String> OTHER_PARTS_TABLES = List.of(
            "routing_pool_member", "rep_out_of_office",
            "comms_contact_method", "comms_expectations", "comms_off_grid", "comms_inbox_item",
            "meeting_series", "meeting_series_attendee", "meeting_series_team", "meeting_agenda_point",
            "meeting_idea", "action_item", "action_item_review", "meeting_commitment", "meeting_rating",
            "calendar_feed");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> drops = new ArrayList<>();
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : OTHER_PARTS_TABLES) {
            try (ResultSet keys = meta.getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                while (keys.next()) {
                    if (TEAM_TABLES.contains(keys.getString("PKTABLE_NAME").toLowerCase())) {
                        drops.add("ALTER TABLE " + table + " DROP CONSTRAINT \"" + keys.getString("FK_NAME") + "\"");
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops.stream().distinct().toList()) {
                statement.execute(drop);
            }
        }
    }
}
