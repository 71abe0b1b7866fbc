package org.smartketing.insights;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.CampaignId;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.TeamId;

/**
 * What a tile looks at: the days {@code from} to {@code to}, both included, as they pass in the
 * viewer's {@code zone}; and, when set, only one team's people, one lead source, one campaign.
 * Whether the team and campaign exist {@link InsightTiles} checks (it knows them); everything else
 * is checked here.
 *
 * @param source a lead source as the funnel keeps it; the empty text {@link #NO_SOURCE} for leads without one
 */
public record InsightFilter(LocalDate from, LocalDate to, ZoneId zone, TeamId team, String source,
        CampaignId campaign) {

    /** The days a filter covers when none are asked for: the last 90 up to today. */
    public static final int DEFAULT_DAYS = 90;

    /** The longest span a filter may cover (two years of days, a leap day included). */
    public static final int MAX_DAYS = 731;

    /** The {@code source} value that asks for leads without a source. */
    public static final String NO_SOURCE = "";

    public InsightFilter {
        if (from == null) {
            throw new InvalidFieldException("from", "is required");
        }
        if (to == null) {
            throw new InvalidFieldException("to", "is required");
        }
        if (to.isBefore(from)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidFieldException("to", "must be at most " + MAX_DAYS + " days from from (two years)");
        }
        zone = zone == null ? ZoneOffset.UTC : zone;
        source = source == null ? null : source.strip();
    }

    /** The last {@link #DEFAULT_DAYS} days up to today in the zone, nothing else narrowed. */
    public static InsightFilter lastDays(ZoneId zone, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return new InsightFilter(today.minusDays(DEFAULT_DAYS - 1), today, zone, null, null, null);
    }

    /**
     * From request parameters {@code from}, {@code to} (ISO dates), {@code team}, {@code campaign}
     * (ids) and {@code source}; a blank or missing parameter takes its default ({@code to}: today,
     * {@code from}: 89 days before {@code to}; the others: any). {@code source=none} asks for leads
     * without a source.
     *
     * @throws InvalidFieldException naming the parameter that is not a date or an id, or the span that is wrong
     */
    public static InsightFilter parse(Map<String, String> params, ZoneId zone, Clock clock) {
        ZoneId in = zone == null ? ZoneOffset.UTC : zone;
        LocalDate to = date(params.get("to"), "to");
        LocalDate from = date(params.get("from"), "from");
        if (to == null) {
            LocalDate today = LocalDate.now(clock.withZone(in));
            to = from != null && from.isAfter(today) ? from : today;
        }
        if (from == null) {
            from = to.minusDays(DEFAULT_DAYS - 1);
        }
        UUID team = id(params.get("team"), "team");
        UUID campaign = id(params.get("campaign"), "campaign");
        String source = blank(params.get("source")) ? null : params.get("source").strip();
        if ("none".equalsIgnoreCase(source)) {
            source = NO_SOURCE;
        }
        if (source != null && source.length() > 100) {
            throw new InvalidFieldException("source", "must be at most 100 characters");
        }
        return new InsightFilter(from, to, in, team == null ? null : new TeamId(team), source,
                campaign == null ? null : new CampaignId(campaign));
    }

    /** The first moment of {@code from} in the zone. */
    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first moment after {@code to} in the zone (exclusive end). */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether the instant falls on one of the filter's days in its zone. */
    public boolean covers(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** Whether a lead's source (null or blank: none) passes the filter. */
    public boolean admitsSource(String leadSource) {
        if (source == null) {
            return true;
        }
        String own = leadSource == null ? NO_SOURCE : leadSource.strip();
        return source.equalsIgnoreCase(own);
    }

    /** The same filter over other days. */
    public InsightFilter over(LocalDate otherFrom, LocalDate otherTo) {
        return new InsightFilter(otherFrom, otherTo, zone, team, source, campaign);
    }

    /** The filter as request parameters (only those set), e.g. for a link to the rows behind a figure. */
    public Map<String, String> asParameters() {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        params.put("from", from.toString());
        params.put("to", to.toString());
        if (team != null) {
            params.put("team", team.toString());
        }
        if (source != null) {
            params.put("source", source.isEmpty() ? "none" : source);
        }
        if (campaign != null) {
            params.put("campaign", campaign.toString());
        }
        return params;
    }

    private static LocalDate date(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 2000 || date.getYear() > 2999) {
                throw new InvalidFieldException(field, "must be a date between 2000 and 2999");
            }
            return date;
        }
        catch (DateTimeParseException ex) {
            throw new InvalidFieldException(field, "must be a date like 2026-03-31");
        }
    }

    private static UUID id(String text, String field) {
        if (blank(text)) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException(field, "is not a " + field + " id");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
