package org.smartketing.funnel.intake;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.smartketing.funnel.leads.Contact;
import org.smartketing.funnel.leads.LeadProfile;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Turns what arrived into a contact we can deduplicate on: the email normalised for matching, the
 * phones in E.164 with their extension (read in the lead's own country, else the configured
 * default). A phone that is not a real number is kept as given, flagged, and never costs the lead.
 */
@Component
class ContactRules {

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final FunnelSettings settings;
    private final CustomFields customFields;

    ContactRules(FunnelSettings settings, CustomFields customFields) {
        this.settings = settings;
        this.customFields = customFields;
    }

    Contact contactOf(IncomingLead in) {
        String email = Text.blankToNull(in.email());
        String phone = Text.blankToNull(in.phone());
        String mobile = Text.blankToNull(in.mobile());
        if (email == null && phone == null && mobile == null && externalIds(in).isEmpty()) {
            throw new InvalidFieldException("email", "an email address, a phone number or an id in another system is needed");
        }
        String country = Countries.codeOf(in.country());
        PhoneNumber phoneNumber = phone == null ? null : parsed(phone, country);
        PhoneNumber mobileNumber = mobile == null ? null : parsed(mobile, country);
        return new Contact(email, phone, e164(phoneNumber), extension(phoneNumber), mobile, e164(mobileNumber),
                Text.blankToNull(in.salutation()), Text.blankToNull(in.firstName()), Text.blankToNull(in.lastName()),
                Text.blankToNull(in.company()), Text.blankToNull(in.title()), Text.blankToNull(in.website()),
                new Contact.Address(Text.blankToNull(in.street()), Text.blankToNull(in.city()),
                        Text.blankToNull(in.postalCode()), Text.blankToNull(in.region()), country));
    }

    LeadProfile profileOf(IncomingLead in) {
        return profileOf(in, Map.of());
    }

    /** @param hadCustom the custom values the lead has now, kept even when their field is gone */
    LeadProfile profileOf(IncomingLead in, Map<String, String> hadCustom) {
        return new LeadProfile(Text.blankToNull(in.industry()), in.annualRevenue(), in.employees(),
                in.originalCreatedAt(), externalIds(in), customFields.checked(in.customOrEmpty(), hadCustom));
    }

    /** The ids given, blank ones left out, each system name lower-cased. */
    static Map<String, String> externalIds(IncomingLead in) {
        Map<String, String> ids = new TreeMap<>();
        in.externalIdsOrEmpty().forEach((system, id) -> {
            if (system != null && Text.blankToNull(id) != null) {
                ids.put(system.strip().toLowerCase(Locale.ROOT), id.strip());
            }
        });
        return ids;
    }

    /** The phone in E.164 (without extension), read in the country given or the default one; null when it is no number. */
    String e164(String phone, String country) {
        return e164(parsed(phone, country));
    }

    private PhoneNumber parsed(String phone, String country) {
        try {
            PhoneNumber number = phones.parse(phone, country != null ? country : settings.defaultPhoneRegion());
            return phones.isValidNumber(number) ? number : null;
        }
        catch (NumberParseException ex) {
            return null;
        }
    }

    private String e164(PhoneNumber number) {
        return number == null ? null : phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static String extension(PhoneNumber number) {
        return number == null || !number.hasExtension() || number.getExtension().isEmpty() ? null
                : Text.abbreviate(number.getExtension(), 20);
    }
}
