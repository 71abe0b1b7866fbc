package org.smartketing.funnel.intake;

import org.smartketing.shared.Text;
import java.util.Locale;
import java.util.Set;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import org.smartketing.funnel.leads.Contact;
import org.smartketing.shared.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * Turns what arrived into a contact we can deduplicate on: the email trimmed and lower-cased for
 * matching, the phone in E.164 (read in the lead's own country, else the configured default).
 */
@Component
class ContactRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final FunnelSettings settings;

    ContactRules(FunnelSettings settings) {
        this.settings = settings;
    }

    Contact contactOf(IncomingLead in) {
        String email = Text.blankToNull(in.email());
        String phone = Text.blankToNull(in.phone());
        if (email == null && phone == null) {
            throw new InvalidFieldException("email", "an email address or a phone number is needed");
        }
        String country = Text.blankToNull(in.country()) == null ? null : in.country().strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            throw new InvalidFieldException("country", "is not a known country code");
        }
        return new Contact(email == null ? null : email.strip(), phone, phone == null ? null : e164(phone, country),
                Text.blankToNull(in.firstName()), Text.blankToNull(in.lastName()), Text.blankToNull(in.company()),
                Text.blankToNull(in.title()), country, Text.blankToNull(in.region()));
    }

    private String e164(String phone, String country) {
        try {
            PhoneNumber number = phones.parse(phone, country != null ? country : settings.defaultPhoneRegion());
            if (!phones.isValidNumber(number)) {
                throw new InvalidFieldException("phone", "is not a phone number that exists; include the country code, such as +49 30 1234567");
            }
            return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        }
        catch (NumberParseException ex) {
            throw new InvalidFieldException("phone", "is not a phone number; include the country code, such as +49 30 1234567");
        }
    }
}
