package org.smartketing.shared.events;

import java.time.Clock;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes a reaction to an event happen once although the event may be delivered again: after a
 * crash between the reaction's commit and its publication being marked complete, after a restart
 * that republishes what was outstanding, or when a lost publication is tried again while its first
 * delivery is still running somewhere. Call it inside the listener's own transaction, so the mark
 * and the reaction's changes commit (or roll back) together:
 * <pre>reactions.once("comms.lead-assigned", event.eventId(), () -> notify(event));</pre>
 * A second delivery that runs while the first is uncommitted waits for it on the mark's key, then
 * finds the mark and does nothing.
 */
@Component
public class Reactions {

    private final JdbcClient jdbc;
    private final Clock clock;

    Reactions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Runs {@code work} unless this reaction to this event was already done.
     *
     * @param reaction names the listener, e.g. {@code comms.lead-assigned}; at most 100 characters
     * @return whether it ran
     */
    public boolean once(String reaction, UUID eventId, Runnable work) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A reaction is marked done in the transaction that does it");
        }
        int marked = jdbc.sql("INSERT INTO event_reaction (reaction, event_id, done_at) VALUES (?, ?, ?) "
                + "ON CONFLICT DO NOTHING").params(reaction, eventId, Sql.utc(clock.instant())).update();
        if (marked == 0) {
            return false;
        }
        work.run();
        return true;
    }
}
