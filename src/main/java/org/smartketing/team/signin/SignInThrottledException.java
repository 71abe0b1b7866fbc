package org.smartketing.team.signin;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for this account or address; answered with 429 by the API. */
class SignInThrottledException extends AuthenticationException {

    SignInThrottledException(String message) {
        super(message);
    }
}
