package org.smartketing;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No foreign key crosses parts, in the database the migrations built (H2 here, PostgreSQL in CI):
 * an id of another part's thing is checked through that part's face when it is written.
 */
@IntegrationTest
class ForeignKeysTests {

    @Autowired
    DataSource dataSource;

    @Test
    void everyForeignKeyPointsAtATableOfTheSamePart() throws SQLException {
        TableOwnership ownership = TableOwnership.declared();
        List<String> crossing = new ArrayList<>();
        List<String> within = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (var part : ownership.tablesByPart().entrySet()) {
                for (String table : part.getValue()) {
                    try (ResultSet keys = meta.getImportedKeys(null, null, table)) {
                        while (keys.next()) {
                            String target = keys.getString("PKTABLE_NAME").toLowerCase();
                            String key = table + "." + keys.getString("FKCOLUMN_NAME").toLowerCase() + " → " + target
                                    + " (" + keys.getString("FK_NAME") + ")";
                            (ownership.owner(target).orElse("?").equals(part.getKey()) ? within : crossing).add(key);
                        }
                    }
                }
            }
        }
        assertThat(crossing).as("foreign keys across parts").isEmpty();
        assertThat(within).as("the parts' own foreign keys are still there").isNotEmpty();
    }
}
