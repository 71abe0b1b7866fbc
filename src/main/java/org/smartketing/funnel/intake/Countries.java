package org.smartketing.funnel.intake;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;

/** A country as exports write it: an ISO 3166 code, or its English name (as CRMs spell it, with the usual short forms). */
final class Countries {

    private static final Set<String> CODES = Set.of(Locale.getISOCountries());
    private static final Map<String, String> BY_NAME = byName();

    private Countries() {
    }

    /**
     * @return the ISO code, null when none was given
     * @throws InvalidFieldException naming {@code country} when it is neither a code nor a name we know
     */
    static String codeOf(String given) {
        String text = Text.blankToNull(given);
        if (text == null) {
            return null;
        }
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.length() == 2 && CODES.contains(upper)) {
            return upper;
        }
        String code = BY_NAME.get(key(text));
        if (code == null) {
            throw new InvalidFieldException("country", "is not a country we know; give its ISO code (such as DE or US) or its English name");
        }
        return code;
    }

    private static Map<String, String> byName() {
        Map<String, String> names = new HashMap<>();
        for (String code : CODES) {
            names.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
            names.put(key(new Locale("", code).getISO3Country()), code);
        }
        Map.ofEntries(Map.entry("usa", "US"), Map.entry("united states of america", "US"), Map.entry("america", "US"),
                Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("england", "GB"),
                Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"),
                Map.entry("south korea", "KR"), Map.entry("korea", "KR"), Map.entry("north korea", "KP"),
                Map.entry("russia", "RU"), Map.entry("czech republic", "CZ"), Map.entry("holland", "NL"),
                Map.entry("the netherlands", "NL"), Map.entry("uae", "AE"), Map.entry("vietnam", "VN"),
                Map.entry("ivory coast", "CI"), Map.entry("turkey", "TR"), Map.entry("hong kong", "HK"),
                Map.entry("macau", "MO"), Map.entry("taiwan", "TW"), Map.entry("deutschland", "DE"))
                .forEach((name, code) -> names.put(key(name), code));
        return Map.copyOf(names);
    }

    private static String key(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replace('&', ' ').replaceAll("[^a-z0-9 ]", " ").replaceAll(" +", " ").strip()
                .replaceAll(" and ", " ");
    }
}
