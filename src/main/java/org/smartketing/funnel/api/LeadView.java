package org.smartketing.funnel.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadProfile;

/**
 * A lead as the API shows it. Phones as they were given, with their E.164 number and extension
 * when they are real numbers ({@code phoneUnrecognised} when not). {@code merged} is set only in
 * answers to intake.
 */
public record LeadView(UUID id, String email, String phone, String phoneE164, String phoneExtension,
        boolean phoneUnrecognised, String mobile, String mobileE164, boolean mobileUnrecognised, String salutation,
        String firstName, String lastName, String company, String title, String website, String industry,
        String street, String city, String postalCode, String region, String country, BigDecimal annualRevenue,
        Integer employees, String source, UUID campaignId, ConsentView consent, UUID ownerId, Stage stage, int score,
        List<String> tags, String description, AmountView amount, LocalDate requalifyOn, Instant originalCreatedAt,
        Map<String, String> externalIds, Map<String, String> custom, Instant createdAt, Instant updatedAt,
        Boolean merged) {

    public record ConsentView(boolean given, Instant at, String method) {
    }

    public record AmountView(BigDecimal amount, String currency) {
    }

    public static LeadView of(Lead l) {
        return of(l, null);
    }

    public static LeadView of(Lead l, Boolean merged) {
        Contact c = l.contact();
        Contact.Address a = c.address();
        LeadProfile p = l.profile();
        return new LeadView(l.id().value(), c.email(), c.phone(), c.phoneE164(), c.phoneExtension(),
                c.phoneUnrecognised(), c.mobile(), c.mobileE164(), c.mobileUnrecognised(), c.salutation(),
                c.firstName(), c.lastName(), c.company(), c.title(), c.website(), p.industry(), a.street(), a.city(),
                a.postalCode(), a.region(), a.country(), p.annualRevenue(), p.employees(), l.source(), l.campaignId(),
                new ConsentView(l.consent().given(), l.consent().at(), l.consent().method()), l.ownerId(), l.stage(),
                l.score(), l.tags(), l.description(),
                l.amount() == null ? null : new AmountView(l.amount().amount(), l.amount().currency().getCurrencyCode()),
                l.requalifyOn(), p.originalCreatedAt(), p.externalIds(), p.custom(), l.createdAt(), l.updatedAt(),
                merged);
    }
}
