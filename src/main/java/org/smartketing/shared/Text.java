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

    /**
     * Text a person typed into a field: blank is "not given" ({@code null}), otherwise stripped and
     * checked for length and markup.
     *
     * @throws InvalidFieldException naming the field when too long or with markup or control characters
     */
    public static String plain(String field, String value, int max) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            throw new InvalidFieldException(field, "must be at most " + max + " characters");
        }
        if (!new PlainText.Validator().isValid(text, null)) {
            throw new InvalidFieldException(field, "must not contain markup (< >) or control characters");
        }
        return text;
    }
}
