package org.smartketing.funnel.leads;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.shared.InvalidFieldException;

/**
 * A person who might become a customer, with how to reach them, where they came from, whether
 * they agreed to marketing, who owns them, and where they stand. It guards its own stage changes.
 */
public record Lead(LeadId id, Contact contact, LeadProfile profile, String source, UUID campaignId, Consent consent, UUID ownerId,
        Stage stage, int score, List<String> tags, String description, Money amount, LocalDate requalifyOn,
        Instant createdAt, Instant updatedAt, int version) {

    public Lead {
        profile = profile == null ? LeadProfile.NONE : profile;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** What a stage change may carry: the reason, the date to look again, the deal's value. */
    public record Transition(Stage to, String reason, LocalDate requalifyOn, Money amount) {
    }

    public Lead moveTo(Transition t, LocalDate today, Instant at) {
        if (!stage.canMoveTo(t.to())) {
            throw new StageChangeRefused(stage, t.to());
        }
        if (t.to().needsReason() && (t.reason() == null || t.reason().isBlank())) {
            throw new InvalidFieldException("reason", "is required to move a lead to " + t.to().label());
        }
        if (t.to() == Stage.RECYCLED && (t.requalifyOn() == null || !t.requalifyOn().isAfter(today))) {
            throw new InvalidFieldException("requalifyOn", "must be a date after today, when marketing looks again");
        }
        if (t.to() == Stage.OPPORTUNITY && t.amount() == null && amount == null) {
            throw new InvalidFieldException("amount", "an opportunity needs an amount and a currency");
        }
        Money newAmount = t.amount() != null ? t.amount() : amount;
        LocalDate newRequalify = t.to() == Stage.RECYCLED ? t.requalifyOn() : null;
        return new Lead(id, contact, profile, source, campaignId, consent, ownerId, t.to(), score, tags, description, newAmount,
                newRequalify, createdAt, at, version);
    }

    public Lead withOwner(UUID newOwner, Instant at) {
        return new Lead(id, contact, profile, source, campaignId, consent, newOwner, stage, score, tags, description, amount,
                requalifyOn, createdAt, at, version);
    }

    public Lead withDetails(Contact newContact, LeadProfile newProfile, String newSource, UUID newCampaign,
            Consent newConsent, List<String> newTags, String newDescription, Instant at) {
        return new Lead(id, newContact, newProfile, newSource, newCampaign, newConsent, ownerId, stage, score, newTags,
                newDescription, amount, requalifyOn, createdAt, at, version);
    }

    public Lead withScore(int newScore, Instant at) {
        return new Lead(id, contact, profile, source, campaignId, consent, ownerId, stage, newScore, tags, description, amount,
                requalifyOn, createdAt, at, version);
    }

    public String displayName() {
        return contact.displayName();
    }

    /** The stage change was not one of the allowed ones from where the lead stands. */
    public static class StageChangeRefused extends RuntimeException {

        private final Stage from;
        private final Stage to;

        StageChangeRefused(Stage from, Stage to) {
            super("A lead cannot move from " + from.label() + " to " + to.label() + ".");
            this.from = from;
            this.to = to;
        }

        public Stage from() {
            return from;
        }

        public Stage to() {
            return to;
        }
    }
}
