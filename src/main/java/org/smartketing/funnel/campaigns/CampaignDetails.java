package org.smartketing.funnel.campaigns;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;
import org.springframework.format.annotation.DateTimeFormat;

/** A campaign as marketing plans it: the page form and the API body. */
public record CampaignDetails(
        @NotBlank @Size(max = 120) @PlainText String name,
        @NotBlank @Size(max = 40) @PlainText String channel,
        @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal budget,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as EUR or USD") String currency,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
        UUID ownerId) {

    @AssertTrue(message = "a campaign ends on or after the day it starts")
    public boolean isEndsAfterStart() {
        return startsOn == null || endsOn == null || !endsOn.isBefore(startsOn);
    }

    @AssertTrue(message = "a budget needs its currency")
    public boolean isBudgetWithCurrency() {
        return budget == null || (currency != null && !currency.isBlank());
    }
}
