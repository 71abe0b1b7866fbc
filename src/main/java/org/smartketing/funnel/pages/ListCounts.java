package org.smartketing.funnel.pages;

/**
 * What a list page says of its size: how many in all (counted up to {@link #MOST}), which rows this
 * page shows, and how many come after it.
 */
public record ListCounts(long total, boolean atLeast, long from, long to, long left, int pageSize) {

    static final long MOST = 10_000;

    static ListCounts of(long counted, long seen, int shown, int pageSize) {
        boolean atLeast = counted > MOST;
        long total = Math.min(counted, MOST);
        long to = seen + shown;
        return new ListCounts(total, atLeast, shown == 0 ? 0 : seen + 1, to, Math.max(total - to, 0), pageSize);
    }

    /** The total as the page writes it: "1,234" or "more than 10,000". */
    public String totalText() {
        return atLeast ? "more than " + String.format(java.util.Locale.ENGLISH, "%,d", total)
                : String.format(java.util.Locale.ENGLISH, "%,d", total);
    }

    /** The link to the next page in words: "Next 25 (1,209 more)", "Next 9 (9 more)". */
    public String nextText() {
        if (atLeast) {
            return "Next " + pageSize;
        }
        return "Next " + Math.min(pageSize, Math.max(left, 1)) + " (" + String.format(java.util.Locale.ENGLISH, "%,d", left)
                + " more)";
    }
}
