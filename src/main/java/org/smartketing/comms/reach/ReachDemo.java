package org.smartketing.comms.reach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's reach: verified phones in the range reserved for drama (+44 7700 900xxx) and
 * chat webhooks on example.com, confirmed expectations for all but one person (so the charter
 * flags someone), quiet hours for a few, and Hannah Kim off-grid now with Emma Johansson as her
 * delegate, reachable by text for urgent matters only.
 */
@Component
class ReachDemo {

    static final String OFF_GRID = "Hannah Kim";
    static final String DELEGATE = "Emma Johansson";
    static final String UNCONFIRMED = "Carlos Mendes";

    private final TeamDirectory directory;
    private final ContactMethods methods;
    private final StoredExpectations expectations;
    private final OffGridPeriods offGrid;
    private final Clock clock;

    ReachDemo(TeamDirectory directory, ContactMethods methods, StoredExpectations expectations,
            OffGridPeriods offGrid, Clock clock) {
        this.directory = directory;
        this.methods = methods;
        this.expectations = expectations;
        this.offGrid = offGrid;
        this.clock = clock;
    }

    /**
     * Synchronous on purpose, inside the transaction that creates the demo company: the demo is one
     * whole (people without their ways to be reached would be no demo to look around in), it is filled once, and a
     * part that cannot add its share rolls the whole demo back rather than leaving half of it.
     */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        Instant now = clock.instant();
        List<PersonSummary> people = directory.membersOf(filled.teamId()).stream().filter(PersonSummary::enabled)
                .sorted((a, b) -> a.displayName().compareTo(b.displayName())).toList();
        for (int i = 0; i < people.size(); i++) {
            PersonSummary p = people.get(i);
            String slug = p.email().substring(0, p.email().indexOf('@')).replace('.', '-');
            methods.replace(new ContactMethods.ContactMethod(UUID.randomUUID(), p.id(), ContactMethods.Kind.PHONE,
                    String.format("+447700900%03d", 100 + i), null, null, 0, now, now));
            boolean chats = i % 3 != 2;
            if (chats) {
                methods.replace(new ContactMethods.ContactMethod(UUID.randomUUID(), p.id(), ContactMethods.Kind.CHAT,
                        "https://chat.example.com/hooks/" + slug, null, null, 0, now, now));
            }
            if (p.displayName().equals(UNCONFIRMED)) {
                continue;
            }
            Channel quick = chats ? Channel.CHAT : Channel.IN_APP;
            List<Channel> urgent = i % 2 == 0 ? List.of(Channel.SMS, quick, Channel.EMAIL)
                    : List.of(Channel.VOICE, Channel.SMS, Channel.EMAIL);
            Reach.QuietHours quiet = i % 4 == 0 ? new Reach.QuietHours(LocalTime.of(21, 0), LocalTime.of(7, 30))
                    : i % 4 == 1 ? new Reach.QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0)) : null;
            expectations.save(new StoredExpectations.Confirmed(p.id(), Map.of(
                    Urgency.URGENT, new Reach.Expectation(urgent, Duration.ofMinutes(i % 2 == 0 ? 30 : 60)),
                    Urgency.NORMAL, new Reach.Expectation(List.of(quick, Channel.EMAIL), Duration.ofHours(4)),
                    Urgency.FYI, new Reach.Expectation(List.of(Channel.IN_APP, Channel.EMAIL), Duration.ofDays(2))),
                    quiet, now.minus(Duration.ofDays(30))));
        }
        PersonSummary away = byName(people, OFF_GRID);
        PersonSummary delegate = byName(people, DELEGATE);
        if (away != null) {
            Instant from = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(1));
            offGrid.add(new OffGridPeriods.Period(UUID.randomUUID(), away.id(), from, from.plus(Duration.ofDays(5)),
                    delegate == null ? null : delegate.id(), Map.of(Urgency.URGENT, List.of(Channel.SMS)),
                    "Trade fair in Las Vegas, then a long weekend"));
        }
    }

    private static PersonSummary byName(List<PersonSummary> people, String name) {
        return people.stream().filter(p -> p.displayName().equals(name)).findFirst().orElse(null);
    }
}
