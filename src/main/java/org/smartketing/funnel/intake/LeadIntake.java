package org.smartketing.funnel.intake;

import org.smartketing.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.smartketing.funnel.LeadEngagement;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.LeadStageChanged;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.Consent;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadProfile;
import org.smartketing.funnel.leads.LeadSnapshot;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every lead comes in, whatever the channel. A lead whose email (or, without one, phone)
 * is already known becomes a new touch on that lead, never a second row.
 */
@Service
public class LeadIntake {

    public record Result(Lead lead, boolean merged) {
    }

    private static final int ATTEMPTS = 4;

    private final Leads leads;
    private final LeadHistory history;
    private final ContactRules rules;
    private final Campaigns campaigns;
    private final LeadScoring scoring;
    private final SuppressionList suppression;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    LeadIntake(Leads leads, LeadHistory history, ContactRules rules, Campaigns campaigns, LeadScoring scoring,
            SuppressionList suppression, AuditLog audit, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.leads = leads;
        this.history = history;
        this.rules = rules;
        this.campaigns = campaigns;
        this.scoring = scoring;
        this.suppression = suppression;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Takes one lead in its own transaction. */
    public Result take(IncomingLead in, LeadHistory.Channel channel) {
        return take(in, channel, null);
    }

    /** @param note what else came with the lead that is none of its fields, kept on its touch */
    public Result take(IncomingLead in, LeadHistory.Channel channel, String note) {
        return inTransaction(() -> takeWithin(in, channel, note));
    }

    /**
     * Runs work in a transaction of its own, again if a concurrent request inserted the same lead
     * (or the same idempotency key) first, or the database chose it to give way in a deadlock; the
     * next run then finds the other's lead and waits its turn on it.
     */
    public <T> T inTransaction(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return transaction.execute(status -> work.get());
            }
            catch (DuplicateKeyException | PessimisticLockingFailureException ex) {
                if (attempt == ATTEMPTS) {
                    throw ex;
                }
            }
        }
    }

    /** Takes one lead inside the caller's transaction. */
    public Result takeWithin(IncomingLead in, LeadHistory.Channel channel) {
        return takeWithin(in, channel, null);
    }

    /** Takes one lead inside the caller's transaction, keeping the note on its touch. */
    public Result takeWithin(IncomingLead in, LeadHistory.Channel channel, String note) {
        Contact contact = rules.contactOf(in);
        LeadProfile profile = rules.profileOf(in);
        if (suppression.check(contact).isPresent()) {
            // a person who asked to be erased: counted as a lead that came in, with nothing that names them
            return takeChecked(in.anonymised(), Contact.anonymous(contact), LeadProfile.anonymous(profile), channel, null);
        }
        return takeChecked(in, contact, profile, channel, note);
    }

    private Result takeChecked(IncomingLead in, Contact contact, LeadProfile profile, LeadHistory.Channel channel,
            String note) {
        if (in.campaignId() != null && !campaigns.exists(in.campaignId())) {
            throw new InvalidFieldException("campaignId", "there is no campaign with this id");
        }
        Instant now = Leads.asStored(clock.instant());
        String details = Text.blankToNull(in.description()) == null ? null : Text.abbreviate(in.description().strip(), 2000);
        // Locked: a second intake of the same person waits for this one and then finds what it stored.
        return leads.sameAs(contact, profile.externalIds(), true)
                .map(existing -> touch(existing, in, contact, profile, channel, details, note, now))
                .orElseGet(() -> create(in, contact, profile, channel, details, note, now));
    }

    /**
     * Stores the lead with the score its first touch gives it, so that coming in costs no write
     * or read more than needed; the audit still shows it created at 0 and then engaged.
     */
    private Result create(IncomingLead in, Contact contact, LeadProfile profile, LeadHistory.Channel channel,
            String details, String note, Instant now) {
        Consent consent = Boolean.TRUE.equals(in.consentGiven())
                ? new Consent(true, in.consentAt() != null ? in.consentAt() : now, Text.blankToNull(in.consentMethod()))
                : Consent.none();
        Lead lead = new Lead(LeadId.random(), contact, profile, Text.blankToNull(in.source()), in.campaignId(), consent,
                null, Stage.NEW, 0, in.tags(), details, null, null, now, now, 0);
        LeadScoring.Scored score = scoring.scoreOnArrival(lead, LeadEngagement.TOUCH, now);
        Lead stored = leads.insert(lead.withScore(score.score(), now), score.dueAt());
        history.touched(lead.id(), channel, lead.source(), lead.campaignId(), note, now);
        history.stageChanged(lead, null, Stage.NEW, null, null, actorLabel(channel), now);
        audit.record("lead", lead.id(), "created", null, LeadSnapshot.of(lead));
        events.publishEvent(new LeadStageChanged(UUID.randomUUID(), lead.id(), null, Stage.NEW, null, now,
                Actor.system(actorLabel(channel))));
        return new Result(scoring.engagedOnArrival(stored, LeadEngagement.TOUCH, now), false);
    }

    private Result touch(Lead existing, IncomingLead in, Contact contact, LeadProfile profile,
            LeadHistory.Channel channel, String details, String note, Instant now) {
        String touchDetails = details == null ? note : note == null ? details : Text.abbreviate(details + "\n" + note, 2000);
        history.touched(existing.id(), channel, Text.blankToNull(in.source()), in.campaignId(), touchDetails, now);
        Lead filled = existing.withDetails(existing.contact().filledFrom(contact), existing.profile().filledFrom(profile),
                existing.source() != null ? existing.source() : Text.blankToNull(in.source()),
                existing.campaignId() != null ? existing.campaignId() : in.campaignId(),
                existing.consent().given() || !Boolean.TRUE.equals(in.consentGiven()) ? existing.consent()
                        : new Consent(true, in.consentAt() != null ? in.consentAt() : now,
                                Text.blankToNull(in.consentMethod())),
                union(existing, in), existing.description() != null ? existing.description() : details, now);
        Lead saved = leads.update(filled);
        audit.record("lead", existing.id(), "touched", LeadSnapshot.of(existing), LeadSnapshot.of(saved));
        return new Result(scoring.engaged(saved, LeadEngagement.TOUCH, now), true);
    }

    private static java.util.List<String> union(Lead existing, IncomingLead in) {
        java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>(existing.tags());
        if (in.tags() != null) {
            in.tags().forEach(t -> tags.add(t.strip()));
        }
        return tags.stream().limit(20).toList();
    }

    private static String actorLabel(LeadHistory.Channel channel) {
        return "intake:" + channel.name().toLowerCase(java.util.Locale.ROOT);
    }
}
