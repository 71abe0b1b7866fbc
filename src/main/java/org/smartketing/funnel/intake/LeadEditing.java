package org.smartketing.funnel.intake;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.LeadAssigned;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.Consent;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadProfile;
import org.smartketing.funnel.leads.LeadSnapshot;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Corrects a lead's details (only the fields given, or the whole edit form) and its owner; the rules of intake apply. */
@Service
@Transactional
public class LeadEditing {

    private final Leads leads;
    private final ContactRules rules;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final LeadScoring scoring;
    private final TeamDirectory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadEditing(Leads leads, ContactRules rules, Campaigns campaigns, AuditLog audit, LeadScoring scoring,
            TeamDirectory directory, ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.events = events;
        this.scoring = scoring;
        this.leads = leads;
        this.rules = rules;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    /** Changes the fields given (a blank text is not given); the others stay. */
    public Lead change(LeadId id, IncomingLead changes) {
        Lead before = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        return apply(before, changed(current(before), changes));
    }

    /**
     * Makes the lead's details what the edit form says, every field of it (a blank one clears it);
     * its external ids and original creation date, which the form does not show, stay.
     */
    public Lead replace(LeadId id, IncomingLead form) {
        Lead before = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        IncomingLead now = current(before);
        IncomingLead all = new IncomingLead(form.email(), form.phone(), form.mobile(), form.salutation(),
                form.firstName(), form.lastName(), form.company(), form.title(), form.website(), form.industry(),
                form.street(), form.city(), form.postalCode(), form.region(), form.country(), form.annualRevenue(),
                form.employees(), form.description(), form.source(), form.campaignId(), form.consentGiven(),
                Boolean.TRUE.equals(form.consentGiven()) && now.consentGiven() ? now.consentAt() : null,
                form.consentMethod(), form.tags() == null ? List.of() : form.tags(), now.originalCreatedAt(),
                now.externalIds(), joined(now.customOrEmpty(), form.custom()));
        return apply(before, all);
    }

    /**
     * Gives the lead another owner, or none; announced as {@link LeadAssigned} (the handoff clocks and
     * the new owner's notice follow from it) and audited.
     *
     * @throws InvalidFieldException naming {@code ownerId} for someone who is not an enabled person
     */
    public Lead reassign(LeadId id, UUID ownerId) {
        Lead before = leads.byId(id).orElseThrow(() -> new NotFoundException("Lead " + id));
        if (ownerId != null && directory.person(new PersonId(ownerId)).filter(PersonSummary::enabled).isEmpty()) {
            throw new InvalidFieldException("ownerId", "is not an enabled person in Smartketing");
        }
        if (Objects.equals(before.ownerId(), ownerId)) {
            return before;
        }
        Lead after = leads.update(before.withOwner(ownerId, clock.instant()));
        audit.record("lead", id, "assigned", LeadSnapshot.of(before), LeadSnapshot.of(after));
        if (ownerId != null) {
            events.publishEvent(new LeadAssigned(UUID.randomUUID(), id, new PersonId(ownerId),
                    before.ownerId() == null ? null : new PersonId(before.ownerId()), clock.instant(), Actor.current()));
        }
        return after;
    }

    /** Stores the lead as the incoming values say, by the rules of intake; audited, and scored again. */
    public Lead apply(Lead before, IncomingLead merged) {
        LeadId id = before.id();
        Contact contact = rules.contactOf(merged);
        if (merged.campaignId() != null && !campaigns.exists(merged.campaignId())) {
            throw new InvalidFieldException("campaignId", "there is no campaign with this id");
        }
        LeadProfile profile = rules.profileOf(merged, before.profile().custom());
        leads.heldByAnother(id, contact, profile.externalIds()).ifPresent(field -> {
            throw new FieldConflictException(field, "another lead already has it; merge the two leads instead");
        });
        Consent consent = Boolean.TRUE.equals(merged.consentGiven())
                ? new Consent(true, merged.consentAt() != null ? merged.consentAt() : clock.instant(), merged.consentMethod())
                : Consent.none();
        Lead after = leads.update(before.withDetails(contact, profile, merged.source(), merged.campaignId(), consent,
                merged.tags(), merged.description(), clock.instant()));
        if (!Objects.equals(LeadSnapshot.of(before), LeadSnapshot.of(after))) {
            audit.record("lead", id, "updated", LeadSnapshot.of(before), LeadSnapshot.of(after));
        }
        // Fit rules look at the details just changed.
        return scoring.rescore(after);
    }

    /** The lead as it stands, as if it arrived so. */
    public static IncomingLead current(Lead l) {
        Contact c = l.contact();
        LeadProfile p = l.profile();
        return new IncomingLead(c.email(), c.phone(), c.mobile(), c.salutation(), c.firstName(), c.lastName(),
                c.company(), c.title(), c.website(), p.industry(), c.address().street(), c.address().city(),
                c.address().postalCode(), c.region(), c.country(), p.annualRevenue(), p.employees(), l.description(),
                l.source(), l.campaignId(), l.consent().given(), l.consent().at(), l.consent().method(), l.tags(),
                p.originalCreatedAt(), p.externalIds(), p.custom());
    }

    /** What is given in the changes (a blank text is not given), else what is. */
    static IncomingLead changed(IncomingLead now, IncomingLead c) {
        return new IncomingLead(or(c.email(), now.email()), or(c.phone(), now.phone()), or(c.mobile(), now.mobile()),
                or(c.salutation(), now.salutation()), or(c.firstName(), now.firstName()),
                or(c.lastName(), now.lastName()), or(c.company(), now.company()), or(c.title(), now.title()),
                or(c.website(), now.website()), or(c.industry(), now.industry()), or(c.street(), now.street()),
                or(c.city(), now.city()), or(c.postalCode(), now.postalCode()), or(c.region(), now.region()),
                or(c.country(), now.country()), or(c.annualRevenue(), now.annualRevenue()),
                or(c.employees(), now.employees()), or(c.description(), now.description()),
                or(c.source(), now.source()), or(c.campaignId(), now.campaignId()),
                or(c.consentGiven(), now.consentGiven()), or(c.consentAt(), now.consentAt()),
                or(c.consentMethod(), now.consentMethod()), or(c.tags(), now.tags()),
                or(c.originalCreatedAt(), now.originalCreatedAt()), joined(now.externalIdsOrEmpty(), c.externalIds()),
                joined(now.customOrEmpty(), c.custom()));
    }

    private static Map<String, String> joined(Map<String, String> now, Map<String, String> changes) {
        if (changes == null) {
            return now;
        }
        Map<String, String> all = new TreeMap<>(now);
        changes.forEach((key, value) -> {
            if (value == null || value.isBlank()) {
                all.remove(key);
            }
            else {
                all.put(key, value);
            }
        });
        return all;
    }

    private static <T> T or(T change, T current) {
        return change == null || change instanceof String text && text.isBlank() ? current : change;
    }
}
