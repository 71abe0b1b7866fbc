package org.smartketing.funnel.pages;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.funnel.campaigns.Campaigns;
import org.springframework.stereotype.Component;

/** Names for the ids a lead carries (owner, campaign), looked up once per page. */
@Component
class LeadPages {

    private final TeamDirectory directory;
    private final Campaigns campaigns;

    LeadPages(TeamDirectory directory, Campaigns campaigns) {
        this.directory = directory;
        this.campaigns = campaigns;
    }

    Map<UUID, PersonSummary> people() {
        return directory.enabledPeople().stream().collect(Collectors.toMap(p -> p.id().value(), Function.identity()));
    }

    Map<UUID, Campaigns.Campaign> campaigns() {
        return campaigns.all().stream().collect(Collectors.toMap(Campaigns.Campaign::id, Function.identity()));
    }
}
