package org.smartketing.meetings.planning;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

import org.smartketing.shared.InvalidFieldException;

/**
 * RFC 5545 recurrence rules, parsed and expanded by ical4j in the series' own time zone, so a
 * weekly 09:00 stays at 09:00 local time across a daylight-saving change.
 *
 * <p>We take WEEKLY and MONTHLY rules (every N weeks, monthly by date or by weekday), and a rule
 * must end: COUNT or UNTIL, at most {@value #MAX_OCCURRENCES} meetings. Every occurrence is stored
 * as a row (so each one can be edited, cancelled and run), which a never-ending rule cannot give.
 */
public final class Recurrence {

    public static final int MAX_OCCURRENCES = 200;
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final java.util.regex.Pattern UNTIL_PART = java.util.regex.Pattern
            .compile("(^|;)UNTIL=([^;]*)", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** How a form says it repeats; the API takes the RRULE itself. */
    public enum Pattern {
        NONE, WEEKLY, MONTHLY_BY_DATE, MONTHLY_BY_WEEKDAY
    }

    private Recurrence() {
    }

    /** The rule, checked and in canonical form, or {@code null} for a single meeting. */
    public static String checked(String rrule, LocalDateTime firstStart, ZoneId zone) {
        if (rrule == null || rrule.isBlank()) {
            return null;
        }
        String text = rrule.strip().toUpperCase(Locale.ROOT);
        if (text.startsWith("RRULE:")) {
            text = text.substring(6);
        }
        if (zone != null) {
            text = untilInUtc(text, zone);
        }
        Recur<ZonedDateTime> recur = parse(text);
        if (recur.getFrequency() != Frequency.WEEKLY && recur.getFrequency() != Frequency.MONTHLY) {
            throw new InvalidFieldException("rrule", "must repeat WEEKLY or MONTHLY");
        }
        if (recur.getCount() < 1 && recur.getUntil() == null) {
            throw new InvalidFieldException("rrule", "never ends: give COUNT or UNTIL (at most "
                    + MAX_OCCURRENCES + " meetings)");
        }
        if (recur.getCount() > MAX_OCCURRENCES) {
            throw new InvalidFieldException("rrule", "COUNT may be at most " + MAX_OCCURRENCES);
        }
        if (recur.getInterval() > 12) {
            throw new InvalidFieldException("rrule", "INTERVAL may be at most 12");
        }
        if (firstStart != null) {
            List<ZonedDateTime> dates = dates(recur.toString(), firstStart, zone, MAX_OCCURRENCES + 1);
            if (dates.isEmpty()) {
                throw new InvalidFieldException("rrule", "gives no meeting on or after the first start");
            }
            if (dates.size() > MAX_OCCURRENCES) {
                throw new InvalidFieldException("rrule", "gives more than " + MAX_OCCURRENCES + " meetings; end it sooner");
            }
        }
        return recur.toString();
    }

    /** Every occurrence's start, in order; a single meeting has one. */
    public static List<ZonedDateTime> expand(LocalDateTime firstStart, ZoneId zone, String rrule) {
        if (rrule == null) {
            return List.of(firstStart.atZone(zone));
        }
        return dates(rrule, firstStart, zone, MAX_OCCURRENCES);
    }

    /**
     * The rule with its UNTIL as a UTC date-time, which RFC 5545 requires when DTSTART names a zone:
     * a local UNTIL is read in the series' zone, a date-only one as the end of that day there.
     */
    public static String untilInUtc(String rrule, ZoneId zone) {
        if (rrule == null) {
            return null;
        }
        Matcher until = UNTIL_PART.matcher(rrule);
        if (!until.find()) {
            return rrule;
        }
        return until.replaceFirst("$1UNTIL=" + untilOf(until(until.group(2), zone)));
    }

    /** The rule for what a form chose, ending after {@code count} meetings or on {@code until} (in the zone). */
    public static String of(Pattern pattern, int interval, LocalDateTime firstStart, ZoneId zone, Integer count,
            LocalDate until) {
        if (pattern == null || pattern == Pattern.NONE) {
            return null;
        }
        StringBuilder rule = new StringBuilder();
        DayOfWeek day = firstStart.getDayOfWeek();
        String byDay = day.name().substring(0, 2);
        switch (pattern) {
            case WEEKLY -> rule.append("FREQ=WEEKLY;INTERVAL=").append(interval).append(";BYDAY=").append(byDay);
            case MONTHLY_BY_DATE -> rule.append("FREQ=MONTHLY;INTERVAL=").append(interval).append(";BYMONTHDAY=")
                    .append(firstStart.getDayOfMonth());
            case MONTHLY_BY_WEEKDAY -> {
                int nth = (firstStart.getDayOfMonth() - 1) / 7 + 1;
                rule.append("FREQ=MONTHLY;INTERVAL=").append(interval).append(";BYDAY=")
                        .append(nth >= 5 ? -1 : nth).append(byDay);
            }
            default -> throw new IllegalStateException();
        }
        if (count != null) {
            rule.append(";COUNT=").append(count);
        }
        else if (until != null) {
            rule.append(";UNTIL=").append(untilOf(until.atTime(23, 59, 59).atZone(zone)));
        }
        return rule.toString();
    }

    /** The rule cut so its last meeting is the one before {@code index} (0-based), for "this and following". */
    static String endingBefore(String rrule, int index, ZonedDateTime occurrence) {
        Recur<ZonedDateTime> recur = parse(rrule);
        String rest = withoutEnd(recur.toString());
        return rest + (recur.getCount() > 0 ? ";COUNT=" + index
                : ";UNTIL=" + untilOf(occurrence.minusSeconds(1)));
    }

    /** The rule for the meetings from {@code index} on, as a series of their own. */
    static String continuingFrom(String rrule, int index) {
        Recur<ZonedDateTime> recur = parse(rrule);
        if (recur.getCount() > 0) {
            return withoutEnd(recur.toString()) + ";COUNT=" + (recur.getCount() - index);
        }
        return recur.toString();
    }

    static String untilOf(ZonedDateTime at) {
        return UNTIL.format(at.withZoneSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    private static String withoutEnd(String rule) {
        return String.join(";", java.util.Arrays.stream(rule.split(";"))
                .filter(p -> !p.startsWith("COUNT=") && !p.startsWith("UNTIL=")).toList());
    }

    private static Recur<ZonedDateTime> parse(String text) {
        if (text.length() > 250) {
            throw new InvalidFieldException("rrule", "is too long");
        }
        try {
            Recur<ZonedDateTime> recur = new Recur<>(text);
            if (recur.getFrequency() == null) {
                throw new InvalidFieldException("rrule", "needs FREQ");
            }
            return recur;
        }
        catch (IllegalArgumentException | java.time.DateTimeException | IndexOutOfBoundsException ex) {
            throw new InvalidFieldException("rrule", "is not a valid RFC 5545 rule: " + ex.getMessage());
        }
    }

    private static ZonedDateTime until(String value, ZoneId zone) {
        try {
            return switch (value.length()) {
                case 8 -> LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE).atTime(23, 59, 59).atZone(zone);
                case 15 -> LocalDateTime.parse(value, LOCAL).atZone(zone);
                case 16 -> LocalDateTime.parse(value, UNTIL).atZone(ZoneOffset.UTC);
                default -> throw new java.time.DateTimeException(value);
            };
        }
        catch (java.time.DateTimeException ex) {
            throw new InvalidFieldException("rrule", "UNTIL must be a date (20270301) or a date and time in UTC"
                    + " (20270301T170000Z)");
        }
    }

    /**
     * The rule's dates from the first start. ical4j steps a zoned date-time, so a first start in a
     * daylight-saving gap (moved an hour on) would move every later meeting as well; stepping the
     * wall clock instead (as UTC, which has no gaps) and placing each date in the zone afterwards
     * moves only the dates that fall in a gap, as RFC 5545 says.
     */
    private static List<ZonedDateTime> dates(String rrule, LocalDateTime firstStart, ZoneId zone, int max) {
        String rule = untilInUtc(rrule, zone);
        Matcher untilPart = UNTIL_PART.matcher(rule);
        Instant until = untilPart.find() ? until(untilPart.group(2), zone).toInstant() : null;
        Recur<ZonedDateTime> recur = parse(until == null ? rule : untilPart.replaceFirst("").replaceFirst("^;", ""));
        ZonedDateTime seed = firstStart.atZone(ZoneOffset.UTC);
        ZonedDateTime end = until == null ? seed.plusYears(30)
                : LocalDateTime.ofInstant(until, zone).plusDays(1).atZone(ZoneOffset.UTC);
        return recur.getDates(seed, seed, end, max).stream().map(d -> d.toLocalDateTime().atZone(zone))
                .filter(d -> until == null || !d.toInstant().isAfter(until)).toList();
    }
    /**
     * The rule as people say it: "Weekly on Tuesday, 12 times", "Every 2 weeks on Monday and Thursday,
     * until 1 Mar 2027", "Monthly". A rule with parts this cannot put in words is said as its frequency.
     */
    public static String inWords(String rrule) {
        if (rrule == null || rrule.isBlank()) {
            return "A single meeting";
        }
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        for (String part : rrule.replaceFirst("(?i)^RRULE:", "").split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip().toUpperCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        String freq = parts.getOrDefault("FREQ", "").toUpperCase(Locale.ROOT);
        String[] unit = switch (freq) {
            case "DAILY" -> new String[] { "Daily", "days" };
            case "WEEKLY" -> new String[] { "Weekly", "weeks" };
            case "MONTHLY" -> new String[] { "Monthly", "months" };
            case "YEARLY" -> new String[] { "Yearly", "years" };
            default -> null;
        };
        if (unit == null) {
            return "Repeating";
        }
        int interval = parts.containsKey("INTERVAL") && parts.get("INTERVAL").matches("\\d{1,3}")
                ? Integer.parseInt(parts.get("INTERVAL")) : 1;
        StringBuilder words = new StringBuilder(interval > 1 ? "Every " + interval + " " + unit[1] : unit[0]);
        List<String> days = parts.containsKey("BYDAY") ? java.util.Arrays.stream(parts.get("BYDAY").split(","))
                .map(Recurrence::dayName).filter(java.util.Objects::nonNull).toList() : List.of();
        if (!days.isEmpty()) {
            words.append(" on ").append(days.size() == 1 ? days.get(0)
                    : String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1));
        }
        String count = parts.get("COUNT");
        if (count != null && count.matches("\\d{1,4}")) {
            words.append(", ").append(count.equals("1") ? "once" : count + " times");
        }
        String until = parts.get("UNTIL");
        if (until != null && until.length() >= 8 && until.substring(0, 8).matches("\\d{8}")) {
            LocalDate last = LocalDate.parse(until.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            words.append(", until ").append(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(last));
        }
        return words.toString();
    }

    private static String dayName(String byDay) {
        String code = byDay.strip().replaceFirst("^[+-]?\\d+", "").toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(code) && code.length() == 2) {
                return day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
            }
        }
        return null;
    }
}
