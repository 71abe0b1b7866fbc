package org.smartketing.web;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTests {

    private final Amounts amounts = new Amounts();

    @AfterEach
    void noLocaleLeftBehind() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void writesMoneyWithTheCurrencySignAndCentsOnlyWhenThereAreAny() {
        LocaleContextHolder.setLocale(Locale.UK);
        assertThat(amounts.money(new BigDecimal("168000.00"), "EUR")).isEqualTo("€168,000");
        assertThat(amounts.money(new BigDecimal("99.50"), Currency.getInstance("USD"))).isEqualTo("US$99.50");
        assertThat(amounts.money(null, "EUR")).isEmpty();
    }

    @Test
    void writesMoneyAsTheViewersLocaleDoes() {
        LocaleContextHolder.setLocale(Locale.GERMANY);
        assertThat(amounts.money(new BigDecimal("168000"), "EUR")).isEqualTo("168.000\u00a0€");
    }

    @Test
    void keepsACodeItDoesNotKnowBesideTheNumber() {
        LocaleContextHolder.setLocale(Locale.US);
        assertThat(amounts.money(new BigDecimal("5"), "XYZ1")).isEqualTo("5 XYZ1");
    }
}
