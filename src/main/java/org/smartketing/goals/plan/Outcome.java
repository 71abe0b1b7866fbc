package org.smartketing.goals.plan;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.smartketing.shared.InvalidFieldException;

/**
 * What the team wants to reach in the period: a measure and its target; amounts with their
 * currency (ISO 4217), other measures without.
 */
public record Outcome(Measure measure, BigDecimal target, String currency) {

    public record Input(String measure, BigDecimal target, String currency) {
    }

    public static Outcome of(Input in) {
        if (in == null) {
            throw new InvalidFieldException("outcome", "is required: a measure and a target");
        }
        Measure measure = Measure.parse("outcome.measure", in.measure());
        String currency = in.currency() == null || in.currency().isBlank() ? null
                : in.currency().strip().toUpperCase(Locale.ROOT);
        if (measure.amount() && currency == null) {
            throw new InvalidFieldException("outcome.currency", "is required for an amount (EUR, USD, …)");
        }
        if (!measure.amount() && currency != null) {
            throw new InvalidFieldException("outcome.currency", "is only for amounts");
        }
        if (currency != null) {
            try {
                Currency.getInstance(currency);
            }
            catch (IllegalArgumentException ex) {
                throw new InvalidFieldException("outcome.currency", "is not a currency code (EUR, USD, …)");
            }
        }
        return new Outcome(measure, target("outcome.target", in.target(), measure), currency);
    }

    public Outcome withTarget(BigDecimal newTarget) {
        return new Outcome(measure, target("outcomeTarget", newTarget, measure), currency);
    }

    private static BigDecimal target(String field, BigDecimal target, Measure measure) {
        if (target == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (target.signum() <= 0) {
            throw new InvalidFieldException(field, "must be above 0");
        }
        if (!measure.amount() && measure != Measure.CUSTOM && target.stripTrailingZeros().scale() > 0) {
            throw new InvalidFieldException(field, "must be a whole number of " + measure.label().toLowerCase());
        }
        if (Numbers.plain(target).scale() > 2) {
            throw new InvalidFieldException(field, "has at most two decimals");
        }
        if (target.compareTo(new BigDecimal("1000000000000")) > 0) {
            throw new InvalidFieldException(field, "is too large");
        }
        return Numbers.plain(target);
    }

    public String describe() {
        return target.toPlainString() + (currency == null ? "" : " " + currency) + " " + measure.label().toLowerCase();
    }
}
