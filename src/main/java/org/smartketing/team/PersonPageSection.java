package org.smartketing.team;

import java.util.List;
import java.util.Optional;

/**
 * What another part shows on a person's profile page, in its own words: a heading, a few lines of
 * label and value, and where to read more. A part that has something to say about people declares
 * a bean; the person page collects them all (ordered by {@code @Order}), so the team part knows none
 * of them. Sections are plain text: the page escapes them and lays them out as the rest of the page.
 */
public interface PersonPageSection {

    /** One section: {@code link} is a path inside Smartketing (or null), read as {@code linkText}. */
    record Section(String id, String heading, List<Line> lines, String link, String linkText) {

        public Section {
            lines = List.copyOf(lines);
        }
    }

    /** One line of a section: what it is, and its value already formatted for the viewer. */
    record Line(String label, String value) {
    }

    /** The section about {@code person} as {@code viewer} may see it, or empty to show nothing. */
    Optional<Section> about(PersonSummary person, SignedInPerson viewer);
}
