package org.smartketing.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The thing named in the URL does not exist (or is not the caller's to see). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String field;

    public NotFoundException(String what) {
        this(what, null);
    }

    /** Not found through a field of the request (the API names it in {@code errors}, as for a 400). */
    public NotFoundException(String what, String field) {
        super(what + " not found");
        this.field = field;
    }

    /** The request's field that named it, or null when the URL did. */
    public String field() {
        return field;
    }
}
