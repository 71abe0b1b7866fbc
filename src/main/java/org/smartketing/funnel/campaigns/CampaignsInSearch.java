package org.smartketing.funnel.campaigns;

import java.util.List;
import java.util.Optional;

import org.smartketing.team.SearchSection;
import org.smartketing.team.SignedInPerson;
import org.smartketing.web.Times;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Campaigns found by name; a hit opens the campaign's leads. */
@Component
@Order(30)
class CampaignsInSearch implements SearchSection {

    private final Campaigns campaigns;
    private final Times times;

    CampaignsInSearch(Campaigns campaigns, Times times) {
        this.campaigns = campaigns;
        this.times = times;
    }

    @Override
    public Optional<Group> search(String text, SignedInPerson viewer, int limit) {
        List<Campaigns.Campaign> found = campaigns.named(text, limit + 1);
        List<Hit> hits = found.stream().limit(limit).map(c -> new Hit(c.name(), detail(c), "/leads?campaignId=" + c.id()))
                .toList();
        return Optional.of(new Group("campaigns", "Campaigns", hits, found.size() > limit ? "/campaigns" : null));
    }

    private String detail(Campaigns.Campaign c) {
        String channel = c.channel() == null ? "Campaign" : c.channel().substring(0, 1).toUpperCase() + c.channel().substring(1);
        return c.startsOn() == null ? channel : channel + " · from " + times.day(c.startsOn());
    }
}
