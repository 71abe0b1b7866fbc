package org.smartketing.meetings.running;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import static org.smartketing.meetings.running.ActionItem.Status.DONE;
import static org.smartketing.meetings.running.ActionItem.Status.DROPPED;
import static org.smartketing.meetings.running.ActionItem.Status.OPEN;

/**
 * The demo company's weekly "Smartketing sync" (Tuesdays 16:00 London, sponsored by the CRO): four
 * past meetings with ideas, plans, commitments and ratings, and items done on time, done late,
 * dropped and still open (some overdue), which carry over to the next meeting.
 */
@Component
class MeetingsDemo {

    private final MeetingPlanning planning;
    private final MeetingStore meetings;
    private final RunnerStore store;
    private final Reminders reminders;
    private final TeamDirectory directory;
    private final Clock clock;

    MeetingsDemo(MeetingPlanning planning, MeetingStore meetings, RunnerStore store, Reminders reminders,
            TeamDirectory directory, Clock clock) {
        this.planning = planning;
        this.meetings = meetings;
        this.store = store;
        this.reminders = reminders;
        this.directory = directory;
        this.clock = clock;
    }

    private record Plan(String author, String text, int dueAfterDays, ActionItem.Status outcome, int doneAfterDue,
            String reason) {
    }

    private static final String[][] IDEAS = {
        { "Maya Chen", "Call webinar attendees within 24 hours, while they remember us" },
        { "Daniel Weber", "Share the top five objections from calls with marketing every Friday" },
        { "Sofia Rossi", "Turn the pricing FAQ into a one-page sales sheet" },
        { "Emma Johansson", "Invite marketing to one discovery call a week" },
        { "Liam Okafor", "Retarget leads sales rejected as 'not now' after 90 days" },
        { "Carlos Mendes", "Add the lead's last content download to the handoff note" },
    };

    private static final Plan[][] PLANS = {
        { new Plan("Maya Chen", "Brief reps on the spring webinar audience", 3, DONE, 0, null),
          new Plan("Emma Johansson", "Call the ten hottest webinar leads", 4, DONE, 2, null),
          new Plan("Liam Okafor", "Build the 'not now' retargeting audience", 7, DROPPED, 0,
                  "The ad budget moved to the trade fair") },
        { new Plan("Sofia Rossi", "Draft the one-page pricing sheet", 5, DONE, -1, null),
          new Plan("Daniel Weber", "Collect this week's objections from the team", 3, DONE, 0, null),
          new Plan("Carlos Mendes", "Add content downloads to three handoff notes", 4, DONE, 3, null) },
        { new Plan("Emma Johansson", "Take Sofia to a discovery call", 6, DONE, 0, null),
          new Plan("Maya Chen", "Rewrite the nurture mail with the objections", 7, OPEN, 0, null),
          new Plan("Carlos Mendes", "Follow up the trade fair list", 5, DROPPED, 0, "Merged into Emma's call list") },
        { new Plan("Liam Okafor", "Tag webinar leads by session attended", 9, OPEN, 0, null),
          new Plan("Daniel Weber", "Review the SLA report with Maya", 2, OPEN, 0, null),
          new Plan("Sofia Rossi", "Publish the objection-handling blog post", 12, OPEN, 0, null) },
    };

    @EventListener
    void fill(DemoCompanyFilled filled) {
        Map<String, PersonSummary> people = directory.membersOf(filled.teamId()).stream()
                .collect(Collectors.toMap(PersonSummary::displayName, Function.identity()));
        PersonSummary sponsor = people.get("Grace Adeyemi");
        if (sponsor == null) {
            return;
        }
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate today = LocalDate.now(clock.withZone(london));
        LocalDateTime first = today.minusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY))
                .atTime(16, 0);
        List<String> attendees = List.of("Maya Chen", "Daniel Weber", "Liam Okafor", "Sofia Rossi", "Emma Johansson",
                "Carlos Mendes");
        Series s = planning.recordPast(new MeetingPlanning.SeriesPlan("Smartketing sync", first, london.getId(), 45,
                "FREQ=WEEKLY;BYDAY=TU;COUNT=12", sponsor.id().value(),
                attendees.stream().map(n -> people.get(n).id().value()).toList(), List.of(),
                "The week's handoffs and what each of us does next",
                "Every attendee leaves with at least one dated action and a commitment"), people.get("Maya Chen").id(),
                first.atZone(london).toInstant().minus(Duration.ofDays(3)));
        List<Meeting> all = meetings.ofSeries(s.id());
        for (int i = 0; i < PLANS.length && i < all.size(); i++) {
            Meeting m = all.get(i);
            Instant start = m.startsAt();
            Instant end = start.plus(Duration.ofMinutes(45));
            Meeting held = m.start(start);
            LocalDate day = LocalDate.ofInstant(start, london);
            for (int k = 0; k < 2; k++) {
                String[] idea = IDEAS[(i * 2 + k) % IDEAS.length];
                store.addIdea(new RunnerStore.Idea(UUID.nameUUIDFromBytes(("demo-idea:" + i + ":" + k).getBytes()), m.id(),
                        idea[1], people.get(idea[0]).id(), start.plus(Duration.ofMinutes(15 + k))));
            }
            for (int k = 0; k < PLANS[i].length; k++) {
                Plan p = PLANS[i][k];
                PersonId owner = people.get(p.author()).id();
                ActionItemId id = new ActionItemId(UUID.nameUUIDFromBytes(("demo-item:" + i + ":" + k).getBytes()));
                ActionItem planned = ActionItem.plan(id, held, owner,
                        new ActionItem.Draft(p.text(), owner, day.plusDays(p.dueAfterDays()), null, null), day,
                        start.plus(Duration.ofMinutes(25 + k)));
                ActionItem item = decided(planned, p);
                store.addItem(item);
                if (item.open()) {
                    reminders.schedule(item);
                }
            }
            int commitments = 0;
            for (String name : attendees) {
                PersonId person = people.get(name).id();
                boolean wrotePlan = store.itemsOf(m.id()).stream().anyMatch(it -> it.authorId().equals(person));
                if (wrotePlan) {
                    store.commit(new RunnerStore.Commitment(m.id(), person, "I do my first item before Friday",
                            start.plus(Duration.ofMinutes(35))));
                    commitments++;
                }
            }
            // History, not news: the demo's past meetings announce nothing (their events are not published).
            meetings.update(held.moveTo(Meeting.Step.CLOSE, end.minus(Duration.ofMinutes(5)))
                    .close(end, s, PLANS[i].length, commitments));
            int r = 0;
            for (String name : attendees) {
                store.rate(new RunnerStore.Rating(m.id(), people.get(name).id(), 6 + (i + r++) % 5, end));
            }
        }
    }

    /** The item as the demo's later meetings decided it: done (on time or late), dropped, or still open. */
    private static ActionItem decided(ActionItem item, Plan p) {
        return switch (p.outcome()) {
            case DONE -> item.markDone(item.dueOn().plusDays(p.doneAfterDue()));
            case DROPPED -> item.drop(p.reason());
            case OPEN -> item;
        };
    }
}
