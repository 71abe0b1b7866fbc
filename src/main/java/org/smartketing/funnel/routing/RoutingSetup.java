package org.smartketing.funnel.routing;

import java.util.List;

/**
 * Everything routing follows: the rules in the order they are tried, the open-lead cap for rules
 * without their own (null: no cap), and the out-of-office periods.
 */
public record RoutingSetup(Integer defaultOpenLeadCap, List<RoutingRule> rules, List<OutOfOffice> outOfOffice) {

    public RoutingSetup {
        rules = List.copyOf(rules);
        outOfOffice = List.copyOf(outOfOffice);
    }
}
