package org.smartketing.funnel.intake;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.PlainText;

/**
 * A lead as it arrives, from any channel: the JSON API, a batch, an import, a website form or a
 * person typing it in. An email address, a phone number or an id in another system is needed; the
 * rest is optional, and a blank text is the same as none.
 *
 * @param country an ISO 3166 code ({@code DE}) or the country's English name ({@code Germany})
 * @param externalIds the lead's ids in other systems by system, e.g. {@code {"salesforce": "00Q5g00000AbCdE"}}
 * @param custom values of the admin's custom fields by their key
 */
public record IncomingLead(
        @EmailAddress String email,
        @Size(max = 60) @PlainText String phone,
        @Size(max = 60) @PlainText String mobile,
        @Size(max = 40) @PlainText String salutation,
        @Size(max = 80) @PlainText String firstName,
        @Size(max = 80) @PlainText String lastName,
        @Size(max = 120) @PlainText String company,
        @Size(max = 120) @PlainText String title,
        @Size(max = 300) @PlainText String website,
        @Size(max = 120) @PlainText String industry,
        @Size(max = 300) @PlainText String street,
        @Size(max = 120) @PlainText String city,
        @Size(max = 20) @PlainText String postalCode,
        @Size(max = 80) @PlainText String region,
        @Size(max = 80) @PlainText String country,
        @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal annualRevenue,
        @Min(0) Integer employees,
        @Size(max = 2000) String description,
        @Size(max = 80) @PlainText String source,
        UUID campaignId,
        Boolean consentGiven,
        Instant consentAt,
        @Size(max = 80) @PlainText String consentMethod,
        @Size(max = 20) List<@NotBlank @Size(max = 40) @Pattern(regexp = "[^,<>]*", message = "must not contain , < or >") String> tags,
        Instant originalCreatedAt,
        @Size(max = 10) Map<@Pattern(regexp = "[a-z][a-z0-9_-]{0,39}", message = "must be a system name such as salesforce or hubspot (lower-case letters, digits, - and _)") String,
                @NotBlank @Size(max = 120) @PlainText String> externalIds,
        @Size(max = 100) Map<@Size(max = 40) String, @Size(max = 2000) String> custom) {

    /** A lead with the contact fields most channels have; everything else absent. */
    public static IncomingLead of(String email, String phone, String firstName, String lastName, String company,
            String title, String country, String region, String source, UUID campaignId, String description) {
        return new IncomingLead(email, phone, null, null, firstName, lastName, company, title, null, null, null, null,
                null, region, country, null, null, description, source, campaignId, null, null, null, null, null, null,
                null);
    }

    /** The same lead with other tags. */
    public IncomingLead withTags(List<String> others) {
        return new IncomingLead(email, phone, mobile, salutation, firstName, lastName, company, title, website, industry,
                street, city, postalCode, region, country, annualRevenue, employees, description, source, campaignId,
                consentGiven, consentAt, consentMethod, others, originalCreatedAt, externalIds, custom);
    }

    /**
     * This lead without anything that names or reaches the person, nor free text or ids that could:
     * what is kept when a person on the suppression list comes in and intake stores them anonymised.
     */
    public IncomingLead anonymised() {
        return new IncomingLead(null, null, null, null, null, null, null, null, null, industry, null, null, null, region,
                country, annualRevenue, employees, null, source, campaignId, null, null, null, tags, null, null, null);
    }

    public Map<String, String> externalIdsOrEmpty() {
        return externalIds == null ? Map.of() : externalIds;
    }

    public Map<String, String> customOrEmpty() {
        return custom == null ? Map.of() : custom;
    }
}
