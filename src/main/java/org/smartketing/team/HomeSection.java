package org.smartketing.team;

import java.util.Optional;

/**
 * A part's section on a person's home page. The part declares a bean; the home page asks each one
 * (in {@link #order()}) what it shows to the viewer and includes the fragment {@code section(data)}
 * of the template the part names, with the data it gave. A part that has nothing for this viewer
 * answers empty. Team does not know the parts that contribute; they depend on team, not the other
 * way round.
 */
public interface HomeSection {

    /** Where the section goes among the others: lower first. */
    default int order() {
        return 100;
    }

    /** What the section shows this viewer, or empty when it has nothing for them. */
    Optional<Shown> shownTo(SignedInPerson viewer);

    /**
     * @param template the part's template holding a fragment {@code section(data)}, e.g. {@code insights/home}
     * @param data     what the fragment shows, already formatted for the viewer
     */
    record Shown(String template, Object data) {
    }
}
