package org.smartketing.shared;

/**
 * What one part holds about one lead as a person, handed over and erased on request. Each part
 * that keeps anything about a lead beyond anonymous counts declares one bean; the funnel's
 * personal-data export and erase collect them all, so no part reads another's tables.
 *
 * <p>An export answers with plain data (records, lists, maps) that becomes JSON under
 * {@link #part()}; an erase blanks or rewrites, in the caller's transaction, every personal value
 * the part keeps about the subject, and keeps the rows that anonymous counts are made of.
 */
public interface PersonalData {

    /** The key of this part's section in an export, e.g. {@code activities}. */
    String part();

    /** What the part holds about the subject; an empty list or map when nothing. Writes nothing. */
    Object export(DataSubject subject);

    /** Blanks what the part holds about the subject, inside the caller's transaction. */
    void erase(DataSubject subject);
}
