package org.smartketing.team;

import java.util.List;
import java.util.Optional;

/**
 * A part's group of hits in the global search in the page header, from its own data and as the
 * viewer may see it. A part declares a bean; the search page collects them all (ordered by
 * {@code @Order}), so the team part knows none of them. A group that fails is left out and logged.
 */
public interface SearchSection {

    /** One thing found: what it is called, a line that tells it apart, and its page inside Smartketing. */
    record Hit(String title, String detail, String link) {
    }

    /**
     * The hits of one kind, at most the limit asked for; {@code more} is where to see every hit of
     * the kind (null when the group shows them all).
     */
    record Group(String id, String heading, List<Hit> hits, String more) {

        public Group {
            hits = List.copyOf(hits);
        }
    }

    /** What matches {@code text} (stripped, not blank) for the viewer; empty when this kind has no hit. */
    Optional<Group> search(String text, SignedInPerson viewer, int limit);

    /** The list page of a kind with the same text in its search box, {@code path?q=text}. */
    static String listed(String path, String text) {
        return path + "?q=" + java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Whether {@code value} contains {@code text} ignoring case: the plain match of small lists. */
    static boolean matches(String value, String text) {
        return value != null && value.toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }
}
