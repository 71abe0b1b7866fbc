package org.smartketing.shared;

/** Small text rules every part applies the same way. */
public final class Text {

    private Text() {
    }

    /** Blank means "not given": {@code null}; anything else without surrounding white space. */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** At most {@code max} characters, cut with an ellipsis when longer. */
    public static String abbreviate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
