package org.smartketing.insights.tiles;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.smartketing.funnel.CampaignId;
import org.smartketing.funnel.CampaignResults;
import org.smartketing.funnel.Grouping;
import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile.Column;
import org.smartketing.insights.Tile.Headline;
import org.smartketing.insights.Tile.Kind;
import org.smartketing.shared.Percentiles;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/** What the tiles share: the filter's people and campaigns, periods, ratios and percentiles as the tiles show them. */
@Component
public class TileParts {

    /** How a lead without a source shows. */
    public static final String NO_SOURCE_LABEL = "(no source)";
    public static final String NO_CAMPAIGN_LABEL = "(no campaign)";

    private final TeamDirectory directory;
    private final CampaignResults campaigns;

    TileParts(TeamDirectory directory, CampaignResults campaigns) {
        this.directory = directory;
        this.campaigns = campaigns;
    }

    /** The team's members now, or null for everybody. */
    public Set<PersonId> people(InsightFilter filter) {
        if (filter.team() == null) {
            return null;
        }
        return directory.membersOf(filter.team()).stream().map(PersonSummary::id).collect(Collectors.toSet());
    }

    public Set<UUID> ids(Set<PersonId> people) {
        return people == null ? null : people.stream().map(PersonId::value).collect(Collectors.toSet());
    }

    public Map<PersonId, PersonSummary> directory(Collection<PersonId> ids) {
        return directory.people(ids);
    }

    public String name(Map<PersonId, PersonSummary> known, UUID id) {
        if (id == null) {
            return "(nobody)";
        }
        PersonSummary p = known.get(new PersonId(id));
        return p == null ? "(unknown)" : p.displayName();
    }

    public Map<UUID, String> campaignNames() {
        return campaigns.campaigns().stream().collect(Collectors.toMap(c -> c.id().value(),
                CampaignResults.CampaignSummary::name));
    }

    public static String campaign(Map<UUID, String> names, UUID id) {
        return id == null ? NO_CAMPAIGN_LABEL : names.getOrDefault(id, "(unknown campaign)");
    }

    public static String source(String source) {
        return source == null || source.isBlank() ? NO_SOURCE_LABEL : source.strip();
    }

    /** Days for a month at most, weeks up to half a year or so, months beyond. */
    public static Grouping grouping(InsightFilter filter) {
        long days = ChronoUnit.DAYS.between(filter.from(), filter.to()) + 1;
        return days <= 31 ? Grouping.DAY : days <= 190 ? Grouping.WEEK : Grouping.MONTH;
    }

    public static LocalDate period(InsightFilter filter, LocalDate day) {
        return grouping(filter).start(day, filter.from());
    }

    public static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }

    /** At percentile p ({@link Percentiles}), to two decimals; null for no values. */
    public static Double percentile(Collection<Double> values, double p) {
        OptionalDouble v = Percentiles.of(values, p);
        return v.isPresent() ? Math.round(v.getAsDouble() * 100) / 100.0 : null;
    }

    public static Column text(String key, String label) {
        return new Column(key, label, Kind.TEXT);
    }

    public static Column col(String key, String label, Kind kind) {
        return new Column(key, label, kind);
    }

    public static Headline headline(String key, String label, Number value, Kind kind) {
        return new Headline(key, label, value == null ? null : value.doubleValue(), kind);
    }

    public static List<Double> doubles(List<? extends Number> values) {
        return values.stream().map(v -> v == null ? null : v.doubleValue()).toList();
    }

    public static boolean admits(InsightFilter filter, CampaignId campaign) {
        return filter.campaign() == null || filter.campaign().equals(campaign);
    }
}
