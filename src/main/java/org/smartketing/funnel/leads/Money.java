package org.smartketing.funnel.leads;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.smartketing.shared.InvalidFieldException;

/** An amount with its currency (ISO 4217), never one without the other. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        if (amount.signum() < 0) {
            throw new InvalidFieldException("amount", "must not be negative");
        }
        amount = amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        if (amount == null && (currencyCode == null || currencyCode.isBlank())) {
            return null;
        }
        if (amount == null) {
            throw new InvalidFieldException("amount", "is required with a currency");
        }
        if (currencyCode == null || currencyCode.isBlank()) {
            throw new InvalidFieldException("currency", "is required with an amount, such as EUR or USD");
        }
        if (amount.precision() - amount.scale() > 12) {
            throw new InvalidFieldException("amount", "is too large");
        }
        try {
            return new Money(amount, Currency.getInstance(currencyCode.strip().toUpperCase(java.util.Locale.ROOT)));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("currency", "must be an ISO 4217 code such as EUR or USD");
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + amount.toPlainString();
    }
}
