package org.smartketing.funnel.intake;

import org.smartketing.shared.InvalidFieldException;

/**
 * The person coming in is on the suppression list (they asked to be erased) and intake refuses
 * them: a bad field for every channel, with the same reason, never a silent new lead.
 */
public class SuppressedPersonException extends InvalidFieldException {

    public static final String REASON = "this person asked to have their personal data erased; they are on the"
            + " suppression list, so Smartketing does not take them in again";

    SuppressedPersonException(String field) {
        super(field, REASON);
    }
}
