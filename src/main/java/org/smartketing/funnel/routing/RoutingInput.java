package org.smartketing.funnel.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;

/**
 * The routing set-up as an admin sends it over the API, checked field by field, with the version
 * it was based on (as {@code GET /api/v1/routing/rules} gave it).
 */
record RoutingInput(@NotNull @Min(0) Integer version, @Min(0) Integer defaultOpenLeadCap,
        @NotNull @Size(max = 100) List<@NotNull @Valid Rule> rules,
        @NotNull @Size(max = 1000) List<@NotNull @Valid Away> outOfOffice) {

    record Rule(UUID id, @NotBlank @Size(max = 120) @PlainText String name,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be a two-letter country code such as DE or US") String country,
            @Size(max = 80) @PlainText String region,
            @Size(max = 40) @Pattern(regexp = "[^,<>]*", message = "must not contain , < or >") String segment,
            @NotEmpty @Size(max = 50) List<@NotNull UUID> pool, @Min(0) Integer openLeadCap) {

        RoutingRule rule() {
            return new RoutingRule(id, name.strip(), country, region, segment, pool, openLeadCap);
        }
    }

    record Away(UUID id, @NotNull UUID personId, @NotNull Instant from, @NotNull Instant to,
            @Size(max = 200) @PlainText String note) {

        OutOfOffice period() {
            return new OutOfOffice(id, personId, from, to, note == null || note.isBlank() ? null : note.strip());
        }
    }

    RoutingSetup setup() {
        return new RoutingSetup(version, defaultOpenLeadCap, rules.stream().map(Rule::rule).toList(),
                outOfOffice.stream().map(Away::period).toList());
    }
}
