package org.smartketing.funnel.intake;

import java.time.Clock;
import java.util.Objects;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.Consent;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadSnapshot;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrects a lead's details; only the fields given change, and the same rules as intake apply. */
@Service
@Transactional
public class LeadEditing {

    private final Leads leads;
    private final ContactRules rules;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final LeadScoring scoring;
    private final Clock clock;

    LeadEditing(Leads leads, ContactRules rules, Campaigns campaigns, AuditLog audit, LeadScoring scoring, Clock clock) {
        this.scoring = scoring;
        this.leads = leads;
        this.rules = rules;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    public Lead change(LeadId id, IncomingLead changes) {
        Lead before = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        Contact c = before.contact();
        IncomingLead merged = new IncomingLead(or(changes.email(), c.email()), or(changes.phone(), c.phone()),
                or(changes.firstName(), c.firstName()), or(changes.lastName(), c.lastName()),
                or(changes.company(), c.company()), or(changes.title(), c.title()), or(changes.country(), c.country()),
                or(changes.region(), c.region()), or(changes.source(), before.source()),
                or(changes.campaignId(), before.campaignId()), or(changes.consentGiven(), before.consent().given()),
                or(changes.consentAt(), before.consent().at()), or(changes.consentMethod(), before.consent().method()),
                or(changes.tags(), before.tags()), or(changes.description(), before.description()));
        Contact contact = rules.contactOf(merged);
        if (merged.campaignId() != null && !campaigns.exists(merged.campaignId())) {
            throw new InvalidFieldException("campaignId", "there is no campaign with this id");
        }
        leads.sameAs(contact).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw new FieldConflictException(contact.emailKey() != null ? "email" : "phone",
                    "another lead already has it; merge the two leads instead");
        });
        Consent consent = Boolean.TRUE.equals(merged.consentGiven())
                ? new Consent(true, merged.consentAt() != null ? merged.consentAt() : clock.instant(), merged.consentMethod())
                : Consent.none();
        Lead after = leads.update(before.withDetails(contact, merged.source(), merged.campaignId(), consent,
                merged.tags(), merged.description(), clock.instant()));
        if (!Objects.equals(LeadSnapshot.of(before), LeadSnapshot.of(after))) {
            audit.record("lead", id, "updated", LeadSnapshot.of(before), LeadSnapshot.of(after));
        }
        // Fit rules look at the details just changed.
        return scoring.rescore(after);
    }

    private static <T> T or(T change, T current) {
        return change != null ? change : current;
    }
}
