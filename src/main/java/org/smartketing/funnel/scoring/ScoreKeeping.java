package org.smartketing.funnel.scoring;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.funnel.leads.Leads;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps stored scores current between engagements (a recurring job, {@link ScoringScheduling},
 * run on one node at a time): after a rule change it scores every lead again, in batches in id
 * order, remembering how far it came; then it scores again the leads whose score decay has moved
 * (each lead carries the moment that happens, {@code lead.score_due_at}, so only those are read).
 * Either may make MQLs: a higher score from new rules, a recycled lead's date to look again, or a
 * negative engagement fading. Each batch is one transaction with its leads locked.
 */
@Component
public class ScoreKeeping {

    /** What one run did. */
    public record Run(int rescoredForRules, int rescoredForDecay) {
    }

    /** Leads this node's job scored again (tag {@code for}: rules or decay). */
    public static final String LEADS_SCORED = "smartketing.scoring.leads.scored";

    private static final Logger log = LoggerFactory.getLogger(ScoreKeeping.class);

    private final LeadScoring scoring;
    private final ScoringRulebook rulebook;
    private final Leads leads;
    private final ScoringSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Counter forRules;
    private final Counter forDecay;

    ScoreKeeping(LeadScoring scoring, ScoringRulebook rulebook, Leads leads, ScoringSettings settings,
            PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
        this.forRules = meters.counter(LEADS_SCORED, "for", "rules");
        this.forDecay = meters.counter(LEADS_SCORED, "for", "decay");
        this.scoring = scoring;
        this.rulebook = rulebook;
        this.leads = leads;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Applies a pending rule change, then decay; stops after {@code smartketing.scoring.run-for}, the next run goes on. */
    public Run catchUp() {
        long started = System.nanoTime();
        Instant until = clock.instant().plus(settings.runFor());
        int rules = applyRuleChange(until);
        int decay = applyDecay(until);
        forRules.increment(rules);
        forDecay.increment(decay);
        if (rules + decay > 0) {
            log.info("Scores kept current: {} leads scored again for a rule change, {} for decay, in {} ms", rules,
                    decay, (System.nanoTime() - started) / 1_000_000);
        }
        return new Run(rules, decay);
    }

    /**
     * Scores every lead with the new rules, once every node has forgotten the old ones (they
     * remember them for {@link ScoringRulebook#REMEMBERED}): a lead scored meanwhile with the old
     * rules is then scored again.
     */
    private int applyRuleChange(Instant until) {
        int done = 0;
        while (clock.instant().isBefore(until)) {
            Integer batch = tx.execute(status -> {
                Optional<ScoringRulebook.Rescore> pending = rulebook.pendingRescore();
                if (pending.isEmpty()
                        || pending.get().requestedAt().plus(ScoringRulebook.REMEMBERED).isAfter(clock.instant())) {
                    return null;
                }
                List<Leads.Scoring> next = leads.nextById(pending.get().afterLead(), settings.batchSize());
                if (!rulebook.rescored(pending.get().requestedAt(),
                        next.size() < settings.batchSize() ? null : next.get(next.size() - 1).lead().id().value())) {
                    status.setRollbackOnly();
                    return 0;
                }
                scoring.rescore(next, rulebook.stored(), clock.instant());
                return next.size();
            });
            if (batch == null) {
                return done;
            }
            done += batch;
        }
        return done;
    }

    private int applyDecay(Instant until) {
        int done = 0;
        while (clock.instant().isBefore(until)) {
            int batch = tx.execute(status -> {
                Instant now = clock.instant();
                List<Leads.Scoring> due = leads.dueForScoring(now, settings.batchSize());
                if (!due.isEmpty()) {
                    scoring.rescore(due, rulebook.stored(), now);
                }
                return due.size();
            });
            done += batch;
            if (batch < settings.batchSize()) {
                return done;
            }
        }
        return done;
    }
}
