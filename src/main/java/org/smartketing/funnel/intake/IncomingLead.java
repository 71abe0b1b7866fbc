package org.smartketing.funnel.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.PlainText;

/**
 * A lead as it arrives, from any channel: the JSON API, a batch, a website form or a person typing
 * it in. An email address or a phone number is needed; the rest is optional.
 */
public record IncomingLead(
        @EmailAddress String email,
        @Size(max = 40) @Pattern(regexp = "[0-9+()./ \\-]*", message = "may contain only digits, spaces and + ( ) - . /") String phone,
        @Size(max = 80) @PlainText String firstName,
        @Size(max = 80) @PlainText String lastName,
        @Size(max = 120) @PlainText String company,
        @Size(max = 120) @PlainText String title,
        @Pattern(regexp = "([A-Za-z]{2})?", message = "must be a two-letter country code such as DE or US") String country,
        @Size(max = 80) @PlainText String region,
        @Size(max = 80) @PlainText String source,
        UUID campaignId,
        Boolean consentGiven,
        Instant consentAt,
        @Size(max = 80) @PlainText String consentMethod,
        @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^,<>]*", message = "must not contain , < or >") String> tags,
        @Size(max = 2000) String description) {
}
