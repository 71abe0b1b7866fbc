package org.smartketing.team;

import java.time.Clock;

import org.smartketing.team.audit.AuditEntries;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one place every part records a change: who (taken from the signed-in person or token,
 * else "system"), when, what, and the state before and after as JSON. Call it inside the
 * transaction that makes the change, so the entry and the change stand or fall together:
 * <pre>auditLog.record("lead", lead.id(), "stage-changed", before, after);</pre>
 * Pass {@code null} as {@code before} for a creation and as {@code after} for a removal.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    private final AuditEntries entries;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditEntries entries, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        SignedInPerson actor = SignedInPerson.current().orElse(null);
        entries.add(new AuditEntries.NewEntry(clock.instant(), actor == null ? null : actor.id().value(),
                actor == null ? SYSTEM : actor.email(), entityType, String.valueOf(entityId), action,
                toJson(before), toJson(after)));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
