package org.smartketing.team.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangesTests {

    @Test
    void listsOnlyTheFieldsThatChangedWithPlainLabels() {
        assertThat(FieldChanges.between("{\"displayName\":\"Ann\",\"department\":\"SALES\",\"enabled\":true}",
                "{\"displayName\":\"Anna\",\"department\":\"SALES\",\"enabled\":false}"))
                .containsExactly(new FieldChanges.Change("Display name", "Ann", "Anna"),
                        new FieldChanges.Change("Enabled", "yes", "no"));
    }

    @Test
    void showsACreationAndARemovalAgainstNothing() {
        assertThat(FieldChanges.between(null, "{\"name\":\"Webinar\",\"tags\":[\"q1\",\"emea\"]}"))
                .containsExactly(new FieldChanges.Change("Name", "—", "Webinar"), new FieldChanges.Change("Tags", "—", "q1, emea"));
        assertThat(FieldChanges.between("{\"work_start\":\"09:00\"}", null))
                .containsExactly(new FieldChanges.Change("Work start", "09:00", "—"));
    }

    @Test
    void spellsOutNestedValuesAndKeepsAStateThatIsNoJsonObject() {
        assertThat(FieldChanges.between("{\"reach\":{\"urgentMinutes\":15}}", "{\"reach\":{\"urgentMinutes\":30}}"))
                .containsExactly(new FieldChanges.Change("Reach", "Urgent minutes: 15", "Urgent minutes: 30"));
        assertThat(FieldChanges.between("not json {", "{\"a\":1}"))
                .containsExactly(new FieldChanges.Change("State", "not json {", "A: 1"));
    }
}
