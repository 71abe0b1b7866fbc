package org.smartketing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.smartketing.TableOwnership.Crossing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each part owns its tables ({@code @OwnsTables} on its {@code package-info.java}) and only its own
 * code and migrations name them. Plain source scanning, no Spring: the string literals of every
 * class under {@code src/main/java} and every migration are read for the tables they name.
 */
class TableOwnershipTests {

    static final TableOwnership ownership = TableOwnership.declared();

    /**
     * What may still name another part's table, each with why. Only history belongs here: landed
     * migrations are never edited.
     */
    static final Set<Crossing> ALLOWED = Set.of(
            // created before shared.jobs existed; db-scheduler's table has been shared.jobs' ever since
            new Crossing("V8__funnel_sla.sql", "funnel", "scheduled_tasks", "shared.jobs"),
            // foreign keys to person and team, dropped again by V56 (db.migration.V56__no_foreign_keys_across_parts);
            // ForeignKeysTests shows none is left in the database
            new Crossing("V7__funnel_routing.sql", "funnel", "person", "team"),
            new Crossing("V13__comms_reach.sql", "comms", "person", "team"),
            new Crossing("V14__comms_inbox.sql", "comms", "person", "team"),
            new Crossing("V20__meetings_series.sql", "meetings", "person", "team"),
            new Crossing("V20__meetings_series.sql", "meetings", "team", "team"),
            new Crossing("V21__meetings_runner.sql", "meetings", "person", "team"),
            new Crossing("V22__meetings_calendar_feed.sql", "meetings", "person", "team"));

    /**
     * The measures another change is rewriting into read faces (funnel's SLA report, comms' message
     * measures, meetings' follow-through): what they name of other parts' tables today. Empty while
     * none of them reaches across; an entry that no longer occurs fails, so the list only shrinks.
     */
    static final Set<Crossing> BEING_REPLACED = Set.of();

    @Test
    void everyTableHasExactlyOneOwningPart() {
        Set<String> created = new TreeSet<>();
        TableOwnership.migrations().forEach(f -> created.addAll(TableOwnership.tablesCreated(TableOwnership.read(f))));
        Set<String> declared = new TreeSet<>();
        ownership.tablesByPart().values().forEach(declared::addAll);

        assertThat(ownership.claimedTwice()).as("tables two parts claim").isEmpty();
        assertThat(difference(created, declared)).as("tables no part declares in @OwnsTables").isEmpty();
        assertThat(difference(declared, created)).as("declared tables no migration creates").isEmpty();
    }

    @Test
    void theJobSchedulerAndTheEventRegistryOwnTheirTables() {
        assertThat(ownership.owner("scheduled_tasks")).hasValue("shared.jobs");
        assertThat(ownership.owner("event_publication")).hasValue("shared.events");
        assertThat(ownership.owner("event_publication_archive")).hasValue("shared.events");
        assertThat(ownership.owner("event_reaction")).hasValue("shared.events");
    }

    @Test
    void noPartsSqlNamesAnotherPartsTable() {
        List<Crossing> today = ownership.crossingsToday();

        List<Crossing> unexplained = new ArrayList<>(today);
        unexplained.removeAll(ALLOWED);
        unexplained.removeAll(BEING_REPLACED);
        assertThat(unexplained).as("SQL naming another part's table (ask the owner's face instead)").isEmpty();

        Set<Crossing> gone = new LinkedHashSet<>(ALLOWED);
        gone.addAll(BEING_REPLACED);
        today.forEach(gone::remove);
        assertThat(gone).as("allowed crossings that no longer occur: remove them from the list").isEmpty();
    }

    @Test
    void reportsAJoinOnAnotherPartsTablePlantedInJava() {
        String planted = """
                class MessageNames {
                    // FROM person in a comment is no SQL
                    String sender = "SELECT m.id, p.display_name FROM comms_message m "
                            + "JOIN person p ON p.id = m.sender_id WHERE m.id = ?";
                    String board = \"""
                            SELECT s.id FROM comms_step s
                            WHERE EXISTS (SELECT 1 FROM action_item a WHERE a.owner_id = s.person_id)\""";
                    String inbox = "SELECT COUNT(*) FROM comms_inbox_item i, team_member tm WHERE tm.person_id = i.person_id";
                    char quote = '"';
                    String own = "UPDATE comms_step SET state = 'SKIPPED' WHERE id = ?";
                }
                """;

        assertThat(ownership.crossingsInJava("comms/messages/MessageNames.java", "comms", planted))
                .extracting(Crossing::table, Crossing::owner)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("person", "team"),
                        org.assertj.core.groups.Tuple.tuple("action_item", "meetings"),
                        org.assertj.core.groups.Tuple.tuple("team_member", "team"));
    }

    @Test
    void reportsAForeignKeyToAnotherPartsTablePlantedInAMigration() {
        String planted = """
                -- the planted migration: meetings' table pointing at the team's
                CREATE TABLE meeting_note (
                    id        UUID PRIMARY KEY,
                    meeting_id UUID NOT NULL REFERENCES meeting (id),
                    author_id UUID NOT NULL REFERENCES person (id)
                );
                CREATE INDEX meeting_note_lead_idx ON lead (id);
                """;
        String part = TableOwnership.partOfMigration(Path.of("V99__meetings_notes.sql"));

        assertThat(ownership.crossingsInMigration("V99__meetings_notes.sql", part, planted))
                .extracting(Crossing::table).containsExactlyInAnyOrder("person", "lead");
    }

    @Test
    void aSubPartOwnsItsTablesAgainstTheRestOfItsPart() {
        TableOwnership owned = TableOwnership.of(Map.of("shared", Set.of(), "shared.jobs", Set.of("scheduled_tasks"),
                "funnel", Set.of("lead")));

        assertThat(owned.crossingsInJava("shared/Planted.java", "shared", "String q = \"DELETE FROM scheduled_tasks\";"))
                .extracting(Crossing::owner).containsExactly("shared.jobs");
        assertThat(owned.crossingsInMigration("V99__shared_jobs.sql", "shared", "ALTER TABLE scheduled_tasks ADD x INT"))
                .isEmpty();
        assertThat(owned.crossingsInMigration("V99__funnel_jobs.sql", "funnel", "ALTER TABLE scheduled_tasks ADD x INT"))
                .extracting(Crossing::owner).containsExactly("shared.jobs");
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
