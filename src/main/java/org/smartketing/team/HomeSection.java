package org.smartketing.team;

import java.util.List;
import java.util.Optional;

/**
 * A part's card on a person's home page, "My day", in its own words and from its own data: a
 * heading, how many there are, the first few rows linked to the work, what to say when there are
 * none, and where to see them all. A part declares a bean; the home page collects them all (ordered
 * by {@code @Order}), so the team part knows none of them. A card that fails is left out and
 * logged: the rest of the home page still shows. Texts are plain and already formatted for the
 * viewer (times in their zone); the page escapes them.
 */
public interface HomeSection {

    /**
     * One card. {@code count} is how many there are in all (null: not a count, no tile for it);
     * {@code empty} is said when {@code rows} is empty; {@code link} is a path inside Smartketing
     * (or null), read as {@code linkText}.
     */
    record Card(String id, String heading, Integer count, List<Row> rows, String empty, String link, String linkText) {

        public Card {
            rows = List.copyOf(rows);
        }

        /** Whether a row asks for attention now (about to breach, overdue). */
        public boolean urgent() {
            return rows.stream().anyMatch(Row::urgent);
        }
    }

    /** One row: what it is (linked to it when {@code link} is given) and a detail such as the time left. */
    record Row(String text, String link, String detail, boolean urgent) {

        public static Row of(String text, String detail) {
            return new Row(text, null, detail, false);
        }
    }

    /** The card for {@code viewer}, or empty to show nothing (a part with nothing to say to their role). */
    Optional<Card> shownTo(SignedInPerson viewer);
}
