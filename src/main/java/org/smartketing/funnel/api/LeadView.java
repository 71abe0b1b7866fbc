package org.smartketing.funnel.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;

/** A lead as the API shows it. {@code merged} is set only in answers to intake. */
public record LeadView(UUID id, String email, String phone, String firstName, String lastName, String company,
        String title, String country, String region, String source, UUID campaignId, ConsentView consent,
        UUID ownerId, Stage stage, int score, List<String> tags, String description, AmountView amount,
        LocalDate requalifyOn, Instant createdAt, Instant updatedAt, Boolean merged) {

    public record ConsentView(boolean given, Instant at, String method) {
    }

    public record AmountView(BigDecimal amount, String currency) {
    }

    public static LeadView of(Lead l) {
        return of(l, null);
    }

    public static LeadView of(Lead l, Boolean merged) {
        var c = l.contact();
        return new LeadView(l.id().value(), c.email(), c.phoneE164() != null ? c.phoneE164() : c.phone(), c.firstName(),
                c.lastName(), c.company(), c.title(), c.country(), c.region(), l.source(), l.campaignId(),
                new ConsentView(l.consent().given(), l.consent().at(), l.consent().method()), l.ownerId(), l.stage(),
                l.score(), l.tags(), l.description(),
                l.amount() == null ? null : new AmountView(l.amount().amount(), l.amount().currency().getCurrencyCode()),
                l.requalifyOn(), l.createdAt(), l.updatedAt(), merged);
    }
}
