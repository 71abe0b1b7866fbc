package org.smartketing.goals.plan;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.Text;

/** Text people type into goals: plain, bounded, blank meaning not given. */
public final class Texts {

    private Texts() {
    }

    public static String plain(String field, String value, int max) {
        String text = Text.blankToNull(value);
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

    public static String required(String field, String value, int max) {
        String text = plain(field, value, max);
        if (text == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return text;
    }
}
