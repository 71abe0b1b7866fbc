package org.smartketing.funnel.leads;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How to reach a lead and who they are. {@code phoneE164} (with {@code phoneExtension}) is the
 * phone as the number it is, null when what was given is not a real number: then the phone is kept
 * as given and flagged ({@link #phoneUnrecognised}). The email key and the phone key are the dedup keys.
 */
public record Contact(String email, String phone, String phoneE164, String phoneExtension, String mobile,
        String mobileE164, String salutation, String firstName, String lastName, String company, String title,
        String website, Address address) {

    /** Where the lead is; the country as an ISO 3166 code. */
    public record Address(String street, String city, String postalCode, String region, String country) {

        public static final Address NONE = new Address(null, null, null, null, null);

        Address filledFrom(Address other) {
            return new Address(pick(street, other.street), pick(city, other.city), pick(postalCode, other.postalCode),
                    pick(region, other.region), pick(country, other.country));
        }
    }

    public Contact {
        address = address == null ? Address.NONE : address;
    }

    /** Nobody: no way to reach them, no name; only the region and country of the given contact stay. */
    public static Contact anonymous(Contact of) {
        return new Contact(null, null, null, null, null, null, null, null, null, null, null, null,
                new Address(null, null, null, of.address.region, of.address.country));
    }

    /** The email as compared: Unicode-normalised (NFKC), trimmed and lower-cased. */
    public String emailKey() {
        return email == null ? null : keyOf(email);
    }

    public static String keyOf(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** The phone as compared: its E.164 number and extension; null when the phone is not a real number. */
    public String phoneKey() {
        return phoneE164 == null ? null : phoneExtension == null ? phoneE164 : phoneE164 + ";ext=" + phoneExtension;
    }

    public boolean phoneUnrecognised() {
        return phone != null && phoneE164 == null;
    }

    public boolean mobileUnrecognised() {
        return mobile != null && mobileE164 == null;
    }

    public String country() {
        return address.country();
    }

    public String region() {
        return address.region();
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : mobile != null ? mobile : "(no name)";
    }

    /** This contact with every empty part filled from the other; what is already known stays. */
    public Contact filledFrom(Contact other) {
        boolean phoneFromOther = phone == null;
        boolean mobileFromOther = mobile == null;
        return new Contact(pick(email, other.email), phoneFromOther ? other.phone : phone,
                phoneFromOther ? other.phoneE164 : phoneE164, phoneFromOther ? other.phoneExtension : phoneExtension,
                mobileFromOther ? other.mobile : mobile, mobileFromOther ? other.mobileE164 : mobileE164,
                pick(salutation, other.salutation), pick(firstName, other.firstName), pick(lastName, other.lastName),
                pick(company, other.company), pick(title, other.title), pick(website, other.website),
                address.filledFrom(other.address));
    }

    /** This contact with every part the other has replaced by the other's; what the other lacks stays. */
    public Contact overwrittenBy(Contact other) {
        return other.filledFrom(this);
    }

    private static String pick(String mine, String theirs) {
        return mine != null && !mine.isBlank() ? mine : theirs;
    }
}
