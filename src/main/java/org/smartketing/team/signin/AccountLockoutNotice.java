package org.smartketing.team.signin;

import java.time.Duration;

import org.smartketing.shared.PublicLinks;
import org.smartketing.mail.Mailer;
import org.smartketing.team.people.People;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tells an account's owner that so many sign-ins failed for it that it is locked for a while. */
@Component
class AccountLockoutNotice {

    private final People people;
    private final Mailer mailer;
    private final PublicLinks links;

    AccountLockoutNotice(People people, Mailer mailer, PublicLinks links) {
        this.people = people;
        this.mailer = mailer;
        this.links = links;
    }

    @Transactional
    public void tell(String account, Duration lockout) {
        people.byEmail(account).filter(p -> p.enabled() && p.hasAcceptedInvitation()).ifPresent(person ->
                mailer.send(person.email(), "Many failed sign-ins for your Smartketing account", """
                        Hello %s,

                        So many sign-ins with a wrong password were tried for your Smartketing account, from
                        several addresses, that it is locked for %d minutes. If that was not you, someone may be
                        guessing your password: choose a new one here, which also ends the lock and signs out
                        every other session:

                        %s

                        If it was you, wait %d minutes and sign in again.
                        """.formatted(person.displayName(), lockout.toMinutes(), links.absolute("/password-reset"),
                        lockout.toMinutes())));
    }
}
