package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityLog;
import org.smartketing.meetings.MeetingSummaries;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.Text;
import org.smartketing.team.PersonSummary;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The real work a host may offer a seat on, to pick from instead of pasting an id: what they logged
 * or planned in the activity log in the last two weeks (their own department's work), and the
 * meetings they take part in that are still to come, each through its owner's face.
 */
@Component
public class WorkChoices {

    static final Duration RECENT = Duration.ofDays(14);
    static final int MOST = 30;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    /** One piece of work as a form offers it: {@code value} is {@code kind:id}. */
    public record Choice(String value, String group, String label) {
    }

    private final ActivityLog activities;
    private final ObjectProvider<MeetingSummaries> meetings;
    private final Clock clock;

    WorkChoices(ActivityLog activities, ObjectProvider<MeetingSummaries> meetings, Clock clock) {
        this.activities = activities;
        this.meetings = meetings;
        this.clock = clock;
    }

    public List<Choice> of(PersonSummary host) {
        Instant now = clock.instant();
        ZoneId zone = host.zone();
        List<Choice> choices = new ArrayList<>();
        for (Activity a : activities.of(host.id(), now.minus(RECENT), MOST)) {
            if (a.type().loggedByHand() && a.type().department() == host.department()) {
                String label = a.type().label() + (a.outcome() == null ? "" : ": " + a.outcome());
                choices.add(new Choice("activity:" + a.id(), "Your activities",
                        abbreviate(label) + ", " + WHEN.format(a.occurredAt().atZone(zone))));
            }
        }
        meetings.orderedStream().findFirst().ifPresent(m -> m.upcomingFor(host.id(), now, MOST).forEach(s -> choices.add(
                new Choice("meeting:" + s.id(), "Your meetings",
                        abbreviate(s.title() + (s.topic() == null ? "" : ": " + s.topic())) + ", "
                                + WHEN.format(s.startsAt().atZone(zone))))));
        return choices;
    }

    /** A work picked on the form, as {@code kind:id}; its checks are {@link WorkLookup}'s, as for ids. */
    public static Picked picked(String value) {
        int colon = value.indexOf(':');
        if (colon < 1) {
            throw new InvalidFieldException("work", "is not a piece of work from the list");
        }
        try {
            return new Picked(value.substring(0, colon), UUID.fromString(value.substring(colon + 1)));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("work", "is not a piece of work from the list");
        }
    }

    public record Picked(String kind, UUID id) {
    }

    private static String abbreviate(String s) {
        return Text.abbreviate(s, 80);
    }
}
