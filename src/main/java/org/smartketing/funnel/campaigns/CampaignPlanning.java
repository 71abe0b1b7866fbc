package org.smartketing.funnel.campaigns;

import java.time.Clock;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.AuditLog;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamDirectory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating campaigns; each one audited. */
@Service
@Transactional
public class CampaignPlanning {

    private final Campaigns campaigns;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final Clock clock;

    CampaignPlanning(Campaigns campaigns, TeamDirectory directory, AuditLog audit, Clock clock) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    public Campaigns.Campaign create(CampaignDetails d, UUID defaultOwner) {
        UUID owner = d.ownerId() != null ? d.ownerId() : defaultOwner;
        if (owner != null && directory.person(new PersonId(owner)).isEmpty()) {
            throw new InvalidFieldException("ownerId", "is not a person in Smartketing");
        }
        String currency = d.currency() == null || d.currency().isBlank() ? null : d.currency().toUpperCase(Locale.ROOT);
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("currency", "is not an ISO 4217 currency code");
            }
        }
        Campaigns.Campaign campaign = new Campaigns.Campaign(UUID.randomUUID(), d.name().strip(), d.channel().strip(),
                d.budget(), currency, d.startsOn(), d.endsOn(), owner, clock.instant());
        if (campaigns.nameTaken(campaign.name())) {
            throw new FieldConflictException("name", "Another campaign already has this name.");
        }
        try {
            campaigns.insert(campaign);
        }
        catch (DuplicateKeyException ex) {
            throw new FieldConflictException("name", "Another campaign already has this name.");
        }
        audit.record("campaign", campaign.id(), "created", null, Map.of("name", campaign.name(), "channel",
                campaign.channel()));
        return campaign;
    }
}
