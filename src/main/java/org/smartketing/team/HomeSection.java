package org.smartketing.team;

import java.util.Optional;

/**
 * What another part shows on a person's home page, in its own words, laid out as the person page's
 * sections are ({@link PersonPageSection.Section}: a heading, lines of label and value already
 * formatted for the viewer, a link to read more). A part declares a bean; the home page collects
 * them all (ordered by {@code @Order}), so the team part knows none of them. A section that fails
 * is left out and logged: the rest of the home page still shows.
 */
public interface HomeSection {

    /** The section for {@code viewer}, or empty to show nothing. */
    Optional<PersonPageSection.Section> shownTo(SignedInPerson viewer);
}
