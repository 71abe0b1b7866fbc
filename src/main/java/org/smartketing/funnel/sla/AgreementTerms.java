package org.smartketing.funnel.sla;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * What the heads agree on; the bounds keep a clock within reach (at most 500 working hours, about
 * three months of full days) and the commitment a count a month can hold.
 */
public record AgreementTerms(@NotNull @Min(1) @Max(500) Integer acceptHours,
        @NotNull @Min(1) @Max(500) Integer firstContactHours, @NotNull @Min(0) @Max(1_000_000) Integer mqlsPerMonth) {
}
