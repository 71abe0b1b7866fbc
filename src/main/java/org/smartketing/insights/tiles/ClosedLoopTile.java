package org.smartketing.insights.tiles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.smartketing.funnel.CampaignId;
import org.smartketing.funnel.CampaignResults;
import org.smartketing.funnel.CampaignResults.CampaignSummary;
import org.smartketing.funnel.CampaignResults.Credit;
import org.smartketing.funnel.CampaignResults.Model;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.insights.TileKey;
import org.springframework.stereotype.Component;

import static org.smartketing.insights.tiles.TileParts.col;
import static org.smartketing.insights.tiles.TileParts.headline;
import static org.smartketing.insights.tiles.TileParts.text;

/**
 * Closed loop: each campaign's customers and revenue under first-touch, last-touch and linear
 * attribution ({@link CampaignResults}), and its budget over its linear customers as the cost per
 * customer. One row per campaign and revenue currency.
 */
@Component
class ClosedLoopTile implements TileSource {

    private final CampaignResults campaigns;
    private final Clock clock;

    ClosedLoopTile(CampaignResults campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public TileKey key() {
        return TileKey.CLOSED_LOOP;
    }

    @Override
    public Tile tile(InsightFilter filter) {
        Map<Model, Map<CampaignId, Credit>> credits = new EnumMap<>(Model.class);
        for (Model m : Model.values()) {
            Map<CampaignId, Credit> byCampaign = new java.util.HashMap<>();
            campaigns.credits(m).forEach(c -> byCampaign.put(c.campaign(), c));
            credits.put(m, byCampaign);
        }
        List<List<Object>> table = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> linearCustomers = new ArrayList<>();
        BigDecimal totalCustomers = BigDecimal.ZERO;
        for (CampaignSummary c : campaigns.campaigns()) {
            if (!TileParts.admits(filter, c.id())) {
                continue;
            }
            Credit first = credits.get(Model.FIRST_TOUCH).get(c.id());
            Credit last = credits.get(Model.LAST_TOUCH).get(c.id());
            Credit linear = credits.get(Model.LINEAR).get(c.id());
            BigDecimal customers = customers(linear);
            totalCustomers = totalCustomers.add(customers);
            names.add(c.name());
            linearCustomers.add(customers.doubleValue());
            TreeSet<String> currencies = new TreeSet<>();
            for (Credit credit : Arrays.asList(first, last, linear)) {
                if (credit != null) {
                    currencies.addAll(credit.revenue().keySet());
                }
            }
            if (currencies.isEmpty()) {
                currencies.add(c.currency() == null ? "" : c.currency());
            }
            for (String currency : currencies) {
                BigDecimal cost = c.budget() == null || customers.signum() == 0
                        || (c.currency() != null && !c.currency().equals(currency) && !currency.isEmpty()) ? null
                                : c.budget().divide(customers, 2, RoundingMode.HALF_UP);
                table.add(Arrays.asList(c.name(), c.channel(), c.budget(), c.currency(), customers(first), customers(last),
                        customers, currency.isEmpty() ? null : currency, revenue(first, currency), revenue(last, currency),
                        revenue(linear, currency), cost));
            }
        }
        return new Tile(key(), key().title(), clock.instant(),
                List.of(headline("customers", "Customers from campaigns", totalCustomers, Kind.COUNT),
                        headline("campaigns", "Campaigns", (long) names.size(), Kind.COUNT)),
                List.of(text("campaign", "Campaign"), text("channel", "Channel"), col("budget", "Budget", Kind.MONEY),
                        text("budget_currency", "Budget currency"),
                        col("customers_first", "Customers, first touch", Kind.COUNT),
                        col("customers_last", "Customers, last touch", Kind.COUNT),
                        col("customers_linear", "Customers, linear", Kind.COUNT), text("currency", "Revenue currency"),
                        col("revenue_first", "Revenue, first touch", Kind.MONEY),
                        col("revenue_last", "Revenue, last touch", Kind.MONEY),
                        col("revenue_linear", "Revenue, linear", Kind.MONEY),
                        col("cost_per_customer", "Cost per customer (linear)", Kind.MONEY)),
                table, new Tile.ChartData("bar", names, List.of(new Tile.Series("Customers, linear", linearCustomers))),
                List.of("Every customer so far, whatever the days chosen; the source and team filters do not apply. "
                        + "Linear shares a customer equally among the campaigns that touched it."));
    }

    private static BigDecimal customers(Credit credit) {
        return credit == null ? BigDecimal.ZERO.setScale(2) : credit.customers();
    }

    private static BigDecimal revenue(Credit credit, String currency) {
        return credit == null ? null : credit.revenue().get(currency);
    }
}
