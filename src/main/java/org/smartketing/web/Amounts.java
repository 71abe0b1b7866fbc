package org.smartketing.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money as the viewer's locale writes it: {@code ${@amounts.money(168000, 'EUR')}} is
 * "€168,000" for an English reader and "168.000 €" for a German one; cents only when there are any.
 */
@Component("amounts")
public class Amounts {

    public String money(BigDecimal amount, Object currency) {
        if (amount == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        String code = currency instanceof Currency c ? c.getCurrencyCode() : String.valueOf(currency);
        try {
            format.setCurrency(Currency.getInstance(code));
        }
        catch (IllegalArgumentException ex) {
            return NumberFormat.getNumberInstance(locale).format(amount) + " " + code;
        }
        boolean whole = amount.stripTrailingZeros().scale() <= 0;
        format.setMinimumFractionDigits(whole ? 0 : 2);
        format.setMaximumFractionDigits(whole ? 0 : 2);
        return format.format(amount);
    }
}
