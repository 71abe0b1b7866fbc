package org.smartketing.team.signin;

import java.util.Set;

import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.Person;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends an account's page sessions, found by its principal through the {@link SessionRegistry}:
 * Spring Session's {@code SpringSessionBackedSessionRegistry}, which finds them by principal name in
 * the database, whichever node made them. An ended session is turned away on its next request, on
 * any node ({@code /login?ended}).
 */
@Component
class AccountSessions {

    private final SessionRegistry registry;

    AccountSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Every session of the person but {@code keep} (the one that made the change; may be null). */
    int endAllBut(Person person, String keep) {
        // Principals are equal when they are the same person; the name (email) is what Spring Session indexes.
        SignedInPerson principal = new SignedInPerson(person.id(), person.email(), person.displayName(),
                person.appRole(), person.department(), person.zone(), person.enabled(), null, Set.of());
        int ended = 0;
        for (SessionInformation session : registry.getAllSessions(principal, false)) {
            if (!session.getSessionId().equals(keep)) {
                session.expireNow();
                ended++;
            }
        }
        return ended;
    }
}
