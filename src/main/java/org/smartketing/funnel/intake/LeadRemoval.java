package org.smartketing.funnel.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadPurge;
import org.smartketing.funnel.leads.LeadSnapshot;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Deleting a lead, with an undo for {@link #UNDO_WINDOW}: the lead leaves every list, search, board
 * and read at once, and a persistent job purges it (its touches, history and scores) when the window
 * has passed, unless it was restored meanwhile.
 */
@Service
@Transactional
public class LeadRemoval {

    public static final Duration UNDO_WINDOW = Duration.ofDays(7);

    static final String PURGE_TASK = "funnel-lead-purge";

    private final Leads leads;
    private final LeadPurge purge;
    private final AuditLog audit;
    private final org.springframework.beans.factory.ObjectProvider<SchedulerClient> jobs;
    private final Clock clock;

    LeadRemoval(Leads leads, LeadPurge purge, AuditLog audit,
            org.springframework.beans.factory.ObjectProvider<SchedulerClient> jobs, Clock clock) {
        this.leads = leads;
        this.purge = purge;
        this.audit = audit;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Deletes the lead (restorable until the returned moment). */
    public Instant delete(LeadId id) {
        Lead lead = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        Instant now = clock.instant();
        leads.remove(id, now, null);
        audit.record("lead", id, "deleted", LeadSnapshot.of(lead), null);
        Instant purgeAt = now.plus(UNDO_WINDOW);
        // one job per deletion: a lead deleted, restored and deleted again is purged a week after the last time
        jobs.getObject().scheduleIfNotExists(new TaskInstance<Void>(PURGE_TASK, id + "@" + now.toEpochMilli()), purgeAt);
        return purgeAt;
    }

    /**
     * Puts a deleted lead back as it was, with its email, phone and external ids.
     *
     * @throws NotFoundException for a lead that is not deleted (or purged already)
     * @throws RuleViolationException for a lead merged into another (undo the merge instead)
     * @throws org.smartketing.shared.FieldConflictException naming the field a newer lead took meanwhile
     */
    public Lead restore(LeadId id) {
        Leads.Removed removed = leads.removed(id).orElseThrow(() -> new NotFoundException("Deleted lead " + id));
        if (removed.mergedInto() != null) {
            throw new RuleViolationException("This lead was merged into another; undo the merge on that lead instead.");
        }
        Lead back = leads.putBack(id);
        audit.record("lead", id, "restored", null, LeadSnapshot.of(back));
        return back;
    }

    /** Deleted leads that may still be restored, the latest first. */
    @Transactional(readOnly = true)
    public List<Leads.Removed> restorable(int limit) {
        return leads.deletedSince(clock.instant().minus(UNDO_WINDOW), limit);
    }

    /** The purge job: the lead is gone for good if it is still deleted and its week is over. */
    void purgeIfDue(String jobId) {
        LeadId id = new LeadId(java.util.UUID.fromString(jobId.substring(0, jobId.indexOf('@'))));
        leads.removed(id).filter(r -> r.mergedInto() == null).ifPresent(r -> {
            Instant due = r.removedAt().plus(UNDO_WINDOW);
            if (due.isAfter(clock.instant())) {
                // early by this node's clock (or deleted again since): look again when the week is over
                jobs.getObject().scheduleIfNotExists(new TaskInstance<Void>(PURGE_TASK,
                        id + "@" + r.removedAt().toEpochMilli() + "@" + clock.millis()), due);
                return;
            }
            purge.purge(id);
            audit.record("lead", id, "purged", null, Map.of("deletedAt", r.removedAt().toString()));
        });
    }
}
