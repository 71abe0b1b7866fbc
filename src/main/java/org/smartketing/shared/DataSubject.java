package org.smartketing.shared;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The person a personal-data request is about: the lead's id (and the ids of leads merged into it,
 * which are the same person) and the values that name or reach them (email, phones, names, street),
 * for the parts that keep free text which may mention them.
 */
public record DataSubject(UUID leadId, List<UUID> leadIds, List<String> values) {

    /** What an erased value is replaced by in free text. */
    public static final String ERASED = "[erased]";

    /** Values shorter than this are too common to look for in free text ("Li" in "Link"). */
    static final int SHORTEST = 3;

    public DataSubject {
        leadIds = List.copyOf(leadIds);
        Set<String> kept = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && v.strip().length() >= SHORTEST) {
                kept.add(v.strip());
            }
        }
        // longest first, so "Ada Lovelace" is replaced before "Ada"
        List<String> sorted = new ArrayList<>(kept);
        sorted.sort((a, b) -> b.length() - a.length());
        values = List.copyOf(sorted);
    }

    public static DataSubject of(UUID leadId, Collection<UUID> alsoIds, Collection<String> values) {
        List<UUID> ids = new ArrayList<>();
        ids.add(leadId);
        alsoIds.stream().filter(id -> !id.equals(leadId)).forEach(ids::add);
        return new DataSubject(leadId, ids, new ArrayList<>(values));
    }

    /** The lead ids as text (as they appear in JSON payloads and string columns). */
    public List<String> leadIdTexts() {
        return leadIds.stream().map(UUID::toString).toList();
    }

    /**
     * The text with every value of the subject replaced by {@link #ERASED}, compared without case
     * and only where it stands as a whole word; null stays null.
     */
    public String scrub(String text) {
        if (!mayMention(text)) {
            return text;
        }
        String result = text;
        for (String value : values) {
            Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            result = p.matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
        }
        return result;
    }

    /** Whether the text holds a value of the subject anywhere, in any case (a quick test before {@link #scrub}). */
    public boolean mayMention(String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return values.stream().anyMatch(v -> lower.contains(v.toLowerCase(Locale.ROOT)));
    }

    /** Whether the text mentions any of the subject's values (as {@link #scrub} would replace them). */
    public boolean mentionedIn(String text) {
        return text != null && !scrub(text).equals(text);
    }

    /**
     * A SQL condition that holds for rows whose columns contain a value of the subject (a wide net:
     * {@link #scrub} then replaces only whole words), with its arguments in {@code args}.
     */
    public String sqlMentions(List<Object> args, String... columns) {
        if (values.isEmpty()) {
            return "1 = 0";
        }
        List<String> ors = new ArrayList<>();
        for (String column : columns) {
            for (String value : values) {
                ors.add("LOWER(" + column + ") LIKE ?");
                args.add(Sql.contains(value.toLowerCase(Locale.ROOT)));
            }
        }
        return "(" + String.join(" OR ", ors) + ")";
    }
}
