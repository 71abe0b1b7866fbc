package org.smartketing.funnel.campaigns;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.smartketing.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closed loop from campaign to customers and revenue. Each customer's campaign touches, in time
 * order, share the credit for that customer and its deal: all to the first touch, all to the last,
 * or equally among all (linear).
 */
@Service
@Transactional(readOnly = true)
public class Attribution {

    public enum Model { FIRST_TOUCH, LAST_TOUCH, LINEAR }

    /** One campaign's credit: customers (fractional under the linear model) and revenue by currency. */
    public record Credit(UUID campaignId, String campaignName, BigDecimal customers, Map<String, BigDecimal> revenue) {
    }

    private record Touch(UUID leadId, UUID campaignId, BigDecimal amount, String currency) {
    }

    private final JdbcClient jdbc;
    private final Campaigns campaigns;

    Attribution(JdbcClient jdbc, Campaigns campaigns) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
    }

    public List<Credit> report(Model model) {
        Map<UUID, List<Touch>> byCustomer = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.id AS lead_id, t.campaign_id, l.amount, l.currency, t.occurred_at
                FROM lead l JOIN lead_touch t ON t.lead_id = l.id
                WHERE l.stage = 'CUSTOMER' AND l.deleted_at IS NULL AND t.campaign_id IS NOT NULL
                ORDER BY l.id, t.occurred_at, t.id""")
                .query(rs -> {
                    UUID lead = Sql.uuid(rs, "lead_id");
                    byCustomer.computeIfAbsent(lead, k -> new ArrayList<>()).add(new Touch(lead, Sql.uuid(rs, "campaign_id"),
                            rs.getBigDecimal("amount"), rs.getString("currency")));
                });
        Map<UUID, BigDecimal> customers = new LinkedHashMap<>();
        Map<UUID, Map<String, BigDecimal>> revenue = new LinkedHashMap<>();
        byCustomer.values().forEach(touches -> credit(model, touches, customers, revenue));
        Map<UUID, String> names = new LinkedHashMap<>();
        campaigns.all().forEach(c -> names.put(c.id(), c.name()));
        return names.entrySet().stream()
                .map(c -> new Credit(c.getKey(), c.getValue(), customers.getOrDefault(c.getKey(), BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP),
                        revenue.getOrDefault(c.getKey(), Map.of())))
                .sorted(Comparator.comparing(Credit::customers).reversed().thenComparing(Credit::campaignName))
                .toList();
    }

    private static void credit(Model model, List<Touch> touches, Map<UUID, BigDecimal> customers,
            Map<UUID, Map<String, BigDecimal>> revenue) {
        List<Touch> credited = switch (model) {
            case FIRST_TOUCH -> List.of(touches.get(0));
            case LAST_TOUCH -> List.of(touches.get(touches.size() - 1));
            case LINEAR -> touches;
        };
        BigDecimal share = BigDecimal.ONE.divide(BigDecimal.valueOf(credited.size()), 6, RoundingMode.HALF_UP);
        for (Touch t : credited) {
            customers.merge(t.campaignId(), share, BigDecimal::add);
            if (t.amount() != null && t.currency() != null) {
                revenue.computeIfAbsent(t.campaignId(), k -> new TreeMap<>())
                        .merge(t.currency().strip(), t.amount().multiply(share).setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
            }
        }
    }
}
