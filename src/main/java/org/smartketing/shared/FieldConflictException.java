package org.smartketing.shared;

/**
 * A request that is well-formed but clashes with what is stored, such as an email address that
 * another person already has. Pages show it on the field; the API answers 409 naming the field.
 */
public class FieldConflictException extends RuntimeException {

    private final String field;

    public FieldConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
