package org.smartketing.crosstraining.sessions;

import org.springframework.stereotype.Component;

/** What the people in a session hear of it: calendar invitations, updates and cancellations, and reminders. */
@Component
class SessionNotices {

    void planned(Session s) {
    }

    void changed(Session s) {
    }

    void cancelled(Session s, String reason) {
    }
}
