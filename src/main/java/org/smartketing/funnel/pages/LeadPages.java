package org.smartketing.funnel.pages;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.smartketing.funnel.campaigns.Campaigns;
import org.springframework.stereotype.Component;

/** Names for the ids a lead carries (owner, campaign), looked up once per page, and its history in words. */
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

    /** Who made a change: the person by name, else the channel or the rules in plain words. */
    String who(UUID actorId, String label) {
        if (actorId != null) {
            return directory.person(new PersonId(actorId)).map(PersonSummary::displayName).orElse("A former colleague");
        }
        if (label != null && label.startsWith("intake:")) {
            return channel(label.substring("intake:".length()));
        }
        return "system".equals(label) ? "Automatically (scoring or routing)" : label;
    }

    /** How a lead came in, as a person would say it. */
    static String channel(String name) {
        return switch (name.toUpperCase(Locale.ROOT)) {
            case "API" -> "Through the API";
            case "BATCH" -> "In a batch through the API";
            case "WEB_FORM" -> "From a website form";
            case "MANUAL" -> "Entered by hand";
            case "DEMO" -> "Demo data";
            case "IMPORT" -> "From an import";
            default -> name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1).toLowerCase(Locale.ROOT)
                    .replace('_', ' ');
        };
    }
}
