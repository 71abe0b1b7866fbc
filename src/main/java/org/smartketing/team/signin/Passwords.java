package org.smartketing.team.signin;

import java.time.Clock;
import java.util.Map;

import org.smartketing.shared.PublicLinks;
import org.smartketing.mail.Mailer;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.ApiTokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Choosing a password from an invitation, resetting a forgotten one by an emailed link, and changing
 * one's own; a reset or change may revoke the account's API tokens as well.
 */
@Service
@Transactional
public class Passwords {

    private final People people;
    private final OneTimeLinks links;
    private final PublicLinks addresses;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final AuditLog audit;
    private final TeamSettings settings;
    private final Clock clock;
    private final ApiTokens tokens;

    Passwords(People people, OneTimeLinks links, PublicLinks addresses, PasswordEncoder encoder, Mailer mailer,
            AuditLog audit, TeamSettings settings, Clock clock, ApiTokens tokens) {
        this.tokens = tokens;
        this.people = people;
        this.links = links;
        this.addresses = addresses;
        this.encoder = encoder;
        this.mailer = mailer;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public Person acceptInvitation(String secret, String password) {
        return setPassword(links.redeem(secret, OneTimeLinks.Purpose.INVITATION), password, "invitation-accepted");
    }

    /** A new password through an emailed link; the caller ends the account's other sessions after commit. */
    public Person reset(String secret, String password, boolean revokeTokens) {
        Person after = setPassword(links.redeem(secret, OneTimeLinks.Purpose.PASSWORD_RESET), password,
                "password-reset");
        revokeTokensIf(revokeTokens, after.id());
        return after;
    }

    /** A new password chosen by its signed-in owner, who gives the current one first. */
    public Person change(PersonId id, String current, String password, boolean revokeTokens) {
        Person before = people.byId(id).orElseThrow();
        if (current == null || before.passwordHash() == null || !encoder.matches(current, before.passwordHash())) {
            throw new InvalidFieldException("current", "is not your current password");
        }
        Person after = setPassword(id, password, "password-changed");
        revokeTokensIf(revokeTokens, id);
        return after;
    }

    private void revokeTokensIf(boolean revoke, PersonId id) {
        if (revoke) {
            tokens.revokeAll(id, "new password");
        }
    }

    /**
     * Emails a reset link when the address belongs to an enabled person who has a password. The
     * caller always says the same thing, so the form does not reveal who has an account.
     */
    public void requestReset(String email) {
        people.byEmail(email).filter(p -> p.enabled() && p.hasAcceptedInvitation()).ifPresent(person -> {
            String secret = links.issue(person.id(), OneTimeLinks.Purpose.PASSWORD_RESET, settings.signIn().resetValidity());
            mailer.send(person.email(), "Reset your Smartketing password", """
                    Hello %s,

                    Someone asked to reset your Smartketing password. If it was you, choose a new one here
                    (the link works once, for %d minutes):

                    %s

                    If it was not you, ignore this email; your password stays as it is.
                    """.formatted(person.displayName(), settings.signIn().resetValidity().toMinutes(),
                    addresses.absolute("/password-reset/" + secret)));
        });
    }

    private Person setPassword(PersonId id, String password, String action) {
        Person before = people.byId(id).orElseThrow();
        Person after = before.withPasswordHash(encoder.encode(password), clock.instant());
        people.update(after);
        audit.record("person", id, action, null, Map.of("passwordChanged", true));
        return after;
    }
}
