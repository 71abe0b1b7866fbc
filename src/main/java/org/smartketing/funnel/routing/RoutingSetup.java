package org.smartketing.funnel.routing;

import java.util.List;

/**
 * Everything routing follows: the rules in the order they are tried, the open-lead cap for rules
 * without their own (null: no cap), and the out-of-office periods. {@code version} is the stored
 * set-up's version as it was read; a replace carries the version it was based on and is refused
 * when the set-up changed meanwhile.
 */
public record RoutingSetup(int version, Integer defaultOpenLeadCap, List<RoutingRule> rules,
        List<OutOfOffice> outOfOffice) {

    public RoutingSetup {
        rules = List.copyOf(rules);
        outOfOffice = List.copyOf(outOfOffice);
    }

    public RoutingSetup withDefaultOpenLeadCap(Integer cap) {
        return new RoutingSetup(version, cap, rules, outOfOffice);
    }

    public RoutingSetup withRules(List<RoutingRule> newRules) {
        return new RoutingSetup(version, defaultOpenLeadCap, newRules, outOfOffice);
    }

    public RoutingSetup withOutOfOffice(List<OutOfOffice> periods) {
        return new RoutingSetup(version, defaultOpenLeadCap, rules, periods);
    }

    /** The same set-up as a change based on {@code basedOn}. */
    public RoutingSetup basedOn(int basedOn) {
        return new RoutingSetup(basedOn, defaultOpenLeadCap, rules, outOfOffice);
    }
}
