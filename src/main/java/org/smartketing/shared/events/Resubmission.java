package org.smartketing.shared.events;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;

/**
 * Tries failed reactions again, with a doubling wait per publication ({@link EventSettings}), and
 * keeps the registry small. Run by two recurring jobs that fire on one node at a time; a
 * publication is claimed for a try with a guarded UPDATE (Modulith's {@code markResubmitted}), and
 * the listeners themselves act once per event ({@link Reactions}), so a publication tried on two
 * nodes, or tried while its first delivery still runs, still has its effect once.
 */
@Service
class Resubmission {

    private static final Logger log = LoggerFactory.getLogger(Resubmission.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final EventPublications publications;
    private final EventSettings settings;
    private final Clock clock;

    Resubmission(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            EventPublications publications, EventSettings settings, Clock clock) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.publications = publications;
        this.settings = settings;
        this.clock = clock;
    }

    /** Marks lost publications failed, then tries again (at most a batch of) the failed ones whose wait is over. */
    void resubmitDue() {
        Instant now = clock.instant();
        int lost = publications.markLostAsFailed(now.minus(settings.lostAfter()));
        if (lost > 0) {
            log.warn("{} event publications were in progress for longer than {}; they are tried again", lost,
                    settings.lostAfter());
        }
        AtomicInteger budget = new AtomicInteger(settings.batchSize());
        incomplete.resubmitIncompletePublications(p -> p.getStatus() == EventPublication.Status.FAILED
                && !nextTry(p.getLastResubmissionDate(), p.getCompletionAttempts()).isAfter(now)
                && budget.getAndDecrement() > 0);
    }

    /** When a failed publication is tried again, from the start of its last try and the tries so far. */
    Instant nextTry(Instant lastTry, int attempts) {
        return lastTry.plus(settings.waitAfter(attempts));
    }

    /** Forgets completed publications and reaction marks older than {@code keep-completed}. */
    void cleanUp() {
        completed.deletePublicationsOlderThan(settings.keepCompleted());
        publications.forgetReactionsBefore(clock.instant().minus(settings.keepCompleted()));
    }
}
