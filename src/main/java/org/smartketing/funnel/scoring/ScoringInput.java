package org.smartketing.funnel.scoring;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;

/**
 * The scoring set-up as an admin sends it over the API, checked field by field, with the version
 * it was based on (as {@code GET /api/v1/scoring} gave it); its rules are also what the admin page
 * types in.
 */
record ScoringInput(@NotNull @Min(0) Integer version, @NotNull @Min(1) @Max(100_000) Integer mqlThreshold,
        @NotNull @Size(max = 100) List<@NotNull @Valid Fit> fitRules,
        @NotNull @Size(max = 100) List<@NotNull @Valid Engagement> engagementRules) {

    record Fit(UUID id, @NotNull FitRule.Field field, @NotNull FitRule.Operator operator,
            @Size(max = 200) @PlainText String value, @NotNull @Min(-1000) @Max(1000) Integer points) {

        FitRule rule() {
            return new FitRule(id, field, operator, value, points);
        }
    }

    record Engagement(@NotBlank @Pattern(regexp = "[A-Za-z_]{1,40}", message = "must be 1 to 40 letters or _ such as WEBINAR") String activityType,
            @NotNull @Min(-1000) @Max(1000) Integer points, @NotNull @Min(1) @Max(3650) Integer halfLifeDays) {

        EngagementRule rule() {
            return new EngagementRule(activityType.strip().toUpperCase(java.util.Locale.ROOT), points, halfLifeDays);
        }
    }

    ScoringRules rules() {
        return new ScoringRules(version, mqlThreshold, fitRules.stream().map(Fit::rule).toList(),
                engagementRules.stream().map(Engagement::rule).toList());
    }
}
