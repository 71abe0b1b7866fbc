package org.smartketing.team.signin;

import java.util.Locale;
import java.util.Set;

import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Email-and-password sign-in for the form and for HTTP Basic on the token endpoint, refused for a
 * growing while after repeated failures for the same account from the same address, and after
 * many from one address or for one account from everywhere ({@link SignInThrottle}).
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledPasswordAuthentication(People people, PasswordEncoder encoder, SignInThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(email -> people.byEmail(email)
                .filter(Person::hasAcceptedInvitation)
                .map(ThrottledPasswordAuthentication::account)
                .orElseThrow(() -> new UsernameNotFoundException("no account")));
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    static SignedInPerson account(Person p) {
        return new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(), p.department(), p.zone(), p.enabled(),
                p.passwordHash(), Set.of());
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : "unknown";
        java.time.Duration wait = throttle.waitFor(account, address);
        if (!wait.isZero()) {
            throw new SignInThrottledException("Too many failed sign-ins. Try again in "
                    + (wait.toMinutes() > 0 ? wait.toMinutes() + " minutes" : wait.toSeconds() + 1 + " seconds")
                    + ", or reset your password.", wait);
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(account, address);
            return result;
        }
        catch (BadCredentialsException ex) {
            throttle.failed(account, address);
            throw ex;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
