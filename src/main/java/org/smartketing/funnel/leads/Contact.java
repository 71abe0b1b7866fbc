package org.smartketing.funnel.leads;

/** How to reach a lead and who they are; {@code emailKey} and {@code phoneE164} are the dedup keys. */
public record Contact(String email, String phone, String phoneE164, String firstName, String lastName,
        String company, String title, String country, String region) {

    public String emailKey() {
        return email == null ? null : email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return email != null ? email : phone != null ? phone : "(no name)";
    }

    /** This contact with every empty part filled from the other; what is already known stays. */
    public Contact filledFrom(Contact other) {
        return new Contact(pick(email, other.email), pick(phone, other.phone), pick(phoneE164, other.phoneE164),
                pick(firstName, other.firstName), pick(lastName, other.lastName), pick(company, other.company),
                pick(title, other.title), pick(country, other.country), pick(region, other.region));
    }

    private static String pick(String mine, String theirs) {
        return mine != null && !mine.isBlank() ? mine : theirs;
    }
}
