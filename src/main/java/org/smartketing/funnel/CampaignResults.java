package org.smartketing.funnel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.smartketing.funnel.campaigns.Attribution;
import org.smartketing.funnel.campaigns.Campaigns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaigns as other parts (insights) read them: which exist, with their budget, and the closed
 * loop from each campaign to today's customers and their revenue under first-touch, last-touch or
 * linear attribution (a customer's campaign touches share its credit; see the campaign pages).
 */
@Service
@Transactional(readOnly = true)
public class CampaignResults {

    /** How a customer's credit is shared among the campaigns that touched it. */
    public enum Model { FIRST_TOUCH, LAST_TOUCH, LINEAR }

    /** A campaign; {@code budget} and {@code currency} null when none was set. */
    public record CampaignSummary(CampaignId id, String name, String channel, BigDecimal budget, String currency) {
    }

    /** One campaign's credit: customers (fractional under the linear model) and revenue by currency. */
    public record Credit(CampaignId campaign, String name, BigDecimal customers, Map<String, BigDecimal> revenue) {
    }

    private final Campaigns campaigns;
    private final Attribution attribution;

    CampaignResults(Campaigns campaigns, Attribution attribution) {
        this.campaigns = campaigns;
        this.attribution = attribution;
    }

    public boolean exists(CampaignId id) {
        return id != null && campaigns.exists(id.value());
    }

    /** Every campaign, by name. */
    public List<CampaignSummary> campaigns() {
        return campaigns.all().stream()
                .map(c -> new CampaignSummary(new CampaignId(c.id()), c.name(), c.channel(), c.budget(), c.currency()))
                .sorted(java.util.Comparator.comparing(CampaignSummary::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Each campaign's credit for the leads that are customers now, most customers first. */
    public List<Credit> credits(Model model) {
        return attribution.report(Attribution.Model.valueOf(model.name())).stream()
                .map(c -> new Credit(new CampaignId(c.campaignId()), c.campaignName(), c.customers(), c.revenue()))
                .toList();
    }
}
