package org.smartketing.team;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.smartketing.team.audit.AuditEntries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        AuditEntries.NewEntry entry = new AuditEntries.NewEntry(clock.instant(), actor == null ? null : actor.id().value(),
                actor == null ? SYSTEM : actor.email(), entityType, String.valueOf(entityId), action,
                toJson(before), toJson(after));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.add(entry);
            return;
        }
        pendingInThisTransaction().add(entry);
    }

    /**
     * Entries recorded in a transaction are written together just before it commits, in one round
     * trip instead of one each (a lead coming in records two); a rollback drops them with the change.
     */
    private List<AuditEntries.NewEntry> pendingInThisTransaction() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending pending && pending.log() == this) {
                return pending.entries();
            }
        }
        Pending pending = new Pending(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending.entries();
    }

    private record Pending(AuditLog log, List<AuditEntries.NewEntry> entries) implements TransactionSynchronization {

        @Override
        public void beforeCommit(boolean readOnly) {
            log.entries.addAll(entries);
            entries.clear();
        }
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }
}
