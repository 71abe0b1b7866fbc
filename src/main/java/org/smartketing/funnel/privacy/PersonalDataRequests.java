package org.smartketing.funnel.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadConsentWithdrawn;
import org.smartketing.funnel.LeadErased;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.SuppressionList;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadPersonalData;
import org.smartketing.shared.DataSubject;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PersonalData;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.shared.Text;
import org.smartketing.team.Actor;
import org.smartketing.team.AuditLog;
import org.smartketing.team.SignedInPerson;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's requests about their data, for one lead: everything every part holds about them
 * (each part answers for its own, through {@link PersonalData}), erasing it everywhere at once, and
 * withdrawing their consent to marketing.
 *
 * <p>The erase runs every part's erase in one transaction, not through events after commit: it is
 * all or nothing (a half-erased person is the one outcome a request must never have), and an event
 * carrying the person's values would itself be kept in the publication registry.
 */
@Service
public class PersonalDataRequests {

    /** What an erase did: when, and which parts blanked what they held. */
    public record Erasure(LeadId leadId, Instant erasedAt, List<String> parts, int suppressed) {
    }

    private final LeadPersonalData funnel;
    private final List<PersonalData> parts;
    private final SuppressionList suppression;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonalDataRequests(LeadPersonalData funnel, List<PersonalData> parts, SuppressionList suppression, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.funnel = funnel;
        this.parts = parts;
        this.suppression = suppression;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Everything about the lead, by part; writes nothing. */
    @Transactional(readOnly = true)
    public Map<String, Object> export(LeadId id) {
        LeadPersonalData.Found found = found(id);
        DataSubject subject = funnel.subjectOf(found);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("leadId", id);
        out.put("exportedAt", clock.instant());
        out.put("erasedAt", found.erasedAt());
        for (PersonalData part : parts) {
            out.put(part.part(), part.export(subject));
        }
        return out;
    }

    /**
     * Erases the person everywhere and puts their email and phones on the suppression list. There is
     * no undo.
     *
     * @throws NotFoundException for no such lead
     * @throws RuleViolationException for a lead erased already, or merged into another (erase that one)
     */
    @Transactional
    public Erasure erase(LeadId id) {
        LeadPersonalData.Found found = found(id);
        if (found.erasedAt() != null) {
            throw new RuleViolationException("Lead " + id + " was erased at " + found.erasedAt()
                    + "; nothing that names the person is left to erase.");
        }
        if (found.mergedInto() != null) {
            throw new RuleViolationException("Lead " + id + " was merged into lead " + found.mergedInto()
                    + "; erase that lead, which erases this one with it.");
        }
        DataSubject subject = funnel.subjectOf(found);
        UUID by = SignedInPerson.current().map(p -> p.id().value()).orElse(null);
        int suppressed = suppression.add(found.lead().contact(), SuppressionList.Reason.ERASED, by).size();
        for (Lead merged : found.mergedIntoIt()) {
            suppressed += suppression.add(merged.contact(), SuppressionList.Reason.ERASED, by).size();
        }
        parts.forEach(part -> part.erase(subject));
        Instant now = clock.instant();
        List<String> names = parts.stream().map(PersonalData::part).toList();
        // after the parts' erase, so this entry stays; it names no personal value
        audit.record("lead", id, "erased", null, Map.of("erasedAt", now.toString(), "parts", names,
                "suppressionListEntries", suppressed, "mergedLeads", found.mergedIntoIt().size()));
        events.publishEvent(new LeadErased(UUID.randomUUID(), id, now, Actor.current()));
        return new Erasure(id, now, names, suppressed);
    }

    /**
     * The lead withdraws their consent to marketing, whatever their stage. A second withdrawal
     * (without consent given again in between) changes nothing and is refused.
     *
     * @param how how the withdrawal came (e.g. "email to sales@"), or null
     */
    @Transactional
    public Map<String, Object> withdrawConsent(LeadId id, String how) {
        LeadPersonalData.Found found = found(id);
        if (found.mergedInto() != null || found.erasedAt() != null) {
            throw new NotFoundException("Lead " + id);
        }
        Map<String, Object> before = funnel.consentOf(id);
        // consent given again after a withdrawal (a new form with the box ticked) may be withdrawn again
        if (before.get("withdrawnAt") != null && !Boolean.TRUE.equals(before.get("given"))) {
            throw new RuleViolationException("Lead " + id + " withdrew their consent at " + before.get("withdrawnAt") + " already.");
        }
        Instant now = clock.instant();
        String reason = Text.blankToNull(how);
        funnel.withdrawConsent(id, reason == null ? null : reason.strip(), now);
        Map<String, Object> after = funnel.consentOf(id);
        audit.record("lead", id, "consent-withdrawn", Map.of("consent", before), Map.of("consent", after));
        events.publishEvent(new LeadConsentWithdrawn(UUID.randomUUID(), id, now, Actor.current()));
        return after;
    }

    private LeadPersonalData.Found found(LeadId id) {
        return funnel.find(id).orElseThrow(() -> new NotFoundException("Lead " + id));
    }
}
