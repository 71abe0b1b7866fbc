package org.smartketing.shared;

/**
 * A value that passed the simple checks but is still wrong once looked at closely (a phone number
 * no network has, a campaign that does not exist). Pages show it on the field; the API answers 400
 * naming the field.
 */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
