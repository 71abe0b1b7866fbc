package org.smartketing.team;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.smartketing.team.audit.AuditEntries;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one place every part records a change: who (the actor named by {@link #actingFor}, else the
 * signed-in person or token, else "system"), when, what, and the state before and after as JSON.
 * Call it inside the transaction that makes the change, so the entry and the change stand or fall
 * together:
 * <pre>auditLog.record("lead", lead.id(), "stage-changed", before, after);</pre>
 * Pass {@code null} as {@code before} for a creation and as {@code after} for a removal.
 */
@Service
public class AuditLog {

    public static final String SYSTEM = "system";

    /** Who the entries recorded on this thread name, while {@link #actingFor} runs. */
    private static final ThreadLocal<Recorder> ACTING = new ThreadLocal<>();

    private record Recorder(UUID id, String label) {
    }

    private final AuditEntries entries;
    private final People people;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditEntries entries, People people, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.people = people;
        this.json = json;
        this.clock = clock;
    }

    public void record(String entityType, Object entityId, String action, Object before, Object after) {
        Recorder actor = recorder();
        AuditEntries.NewEntry entry = new AuditEntries.NewEntry(clock.instant(), actor.id(), actor.label(), entityType,
                String.valueOf(entityId), action, toJson(before), toJson(after));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            entries.add(entry);
            return;
        }
        pendingInThisTransaction().add(entry);
    }

    /**
     * Runs {@code work} on behalf of {@code actor}: every entry it records names them. A listener
     * that reacts to an event after its commit runs with nobody signed in; it passes the event's
     * actor here, so what it changes is audited as done by whoever did what the event tells of.
     */
    public void actingFor(Actor actor, Runnable work) {
        Recorder outer = ACTING.get();
        ACTING.set(recorderOf(actor));
        try {
            work.run();
        }
        finally {
            if (outer == null) {
                ACTING.remove();
            }
            else {
                ACTING.set(outer);
            }
        }
    }

    private Recorder recorder() {
        Recorder acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        return SignedInPerson.current().map(p -> new Recorder(p.id().value(), p.email()))
                .orElse(new Recorder(null, SYSTEM));
    }

    private Recorder recorderOf(Actor actor) {
        if (!actor.isPerson()) {
            return new Recorder(null, actor.system());
        }
        String label = people.byId(actor.personId()).map(Person::email).orElse(actor.personId().toString());
        return new Recorder(actor.personId().value(), label);
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
