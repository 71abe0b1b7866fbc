package org.smartketing.team.signin;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or address; answered with 429 by the API. */
class SignInThrottledException extends AuthenticationException {

    private final java.time.Duration wait;

    SignInThrottledException(String message, java.time.Duration wait) {
        super(message);
        this.wait = wait;
    }

    /** How long until the next try is allowed (the Retry-After). */
    java.time.Duration waitFor() {
        return wait;
    }
}
