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
 * while after repeated failures for the same account or from the same address.
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
        if (throttle.isBlocked(account, address)) {
            throw new SignInThrottledException("Too many failed sign-ins. Try again in "
                    + throttle.lockout().toMinutes() + " minutes, or reset your password.");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.succeeded(account);
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
