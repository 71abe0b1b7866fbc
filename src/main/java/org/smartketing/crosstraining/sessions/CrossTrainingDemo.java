package org.smartketing.crosstraining.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.crosstraining.measures.HandoffFact;
import org.smartketing.crosstraining.measures.HandoffFacts;
import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's cross-training: Sofia (content marketer) shadowed two of Emma's demos and
 * reflected on both (one change became an action item); Carlos (SDR) sat in Liam's campaign
 * planning; Priya trains reps on lead scoring next week; Hannah offers a seat on tomorrow's call and
 * Liam asks to see one; marketing's own roles are still a gap for sales. Ninety days of handoffs
 * show fewer rejections of Sofia's leads after her first session, against Liam's.
 */
@Component
class CrossTrainingDemo {

    private static final String[] REASONS = { "Not a fit (company size or industry)", "No budget",
            "No authority or wrong contact" };

    private final SessionStore store;
    private final Sessions sessions;
    private final Offers offers;
    private final Reflections reflections;
    private final ActivityLog activities;
    private final HandoffFacts facts;
    private final TeamDirectory directory;
    private final Clock clock;

    CrossTrainingDemo(SessionStore store, Sessions sessions, Offers offers, Reflections reflections,
            ActivityLog activities, HandoffFacts facts, TeamDirectory directory, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.offers = offers;
        this.reflections = reflections;
        this.activities = activities;
        this.facts = facts;
        this.directory = directory;
        this.clock = clock;
    }

    /** Synchronous, like every part's demo: the demo company is filled as one whole, or not at all. */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        Map<String, PersonSummary> people = directory.membersOf(filled.teamId()).stream()
                .collect(Collectors.toMap(p -> p.displayName().split(" ")[0], Function.identity()));
        PersonSummary sofia = people.get("Sofia");
        PersonSummary emma = people.get("Emma");
        PersonSummary carlos = people.get("Carlos");
        PersonSummary liam = people.get("Liam");
        PersonSummary hannah = people.get("Hannah");
        PersonSummary priya = people.get("Priya");
        if (sofia == null || emma == null || carlos == null || liam == null || hannah == null || priya == null) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant firstDemo = now.minus(Duration.ofDays(40));
        Session one = held(emma, sofia, work(emma, ActivityType.DEMO, "Discovery demo with Contoso", firstDemo), firstDemo, 60);
        Instant secondDemo = now.minus(Duration.ofDays(26));
        Session two = held(emma, sofia, work(emma, ActivityType.DEMO, "Pricing demo with Fabrikam", secondDemo), secondDemo,
                45);
        Instant planning = now.minus(Duration.ofDays(20));
        held(liam, carlos, work(liam, ActivityType.CAMPAIGN, "Webinar campaign planning for Q3", planning), planning, 90);

        reflections.write(one.id(), new Reflections.NewReflection(
                "Emma asks about budget and timing in the first five minutes; leads without either go nowhere.",
                "Ask for budget range and timing on the demo request form", LocalDate.now(clock).plusDays(5)), as(sofia));
        reflections.write(two.id(), new Reflections.NewReflection(
                "Pricing questions come from procurement, not from the people who downloaded the e-book.",
                "Tag e-book leads by role before handing them over", null), as(sofia));

        sessions.plan(new Sessions.NewSession("PLANNED", "Lead scoring: what the points mean", priya.id().value(),
                List.of(carlos.id().value(), hannah.id().value(), emma.id().value()), now.plus(Duration.ofDays(6)), 60, null,
                null, null), as(priya));
        Instant call = now.plus(Duration.ofHours(20));
        UUID discovery = activities.log(new NewActivity(ActivityType.CALL, hannah.id(), call,
                "Discovery call with Tailspin", null, null, ActivitySource.MANUAL)).id().value();
        offers.offer(new Offers.NewOffer("Open seat on my discovery call with Tailspin", call, 45, 2, null, "activity",
                discovery), as(hannah));
        offers.ask(new Offers.NewAsk("An account executive's discovery call, to hear which questions qualify a lead",
                "Account executive", "CALL"), as(liam));

        handoffs(sofia, firstDemo, 24, 9, 20, 3);
        handoffs(liam, firstDemo, 20, 5, 20, 6);
    }

    /** A session that already happened, stored as it was planned then. */
    private Session held(PersonSummary host, PersonSummary learner, Work work, Instant start, int minutes) {
        Instant planned = start.minus(Duration.ofDays(7));
        Session s = new Session(SessionId.random(), Session.Kind.SHADOWING, work.title(),
                new Session.Host(host.id(), host.department(), host.jobRole()), start, minutes, host.zone(), work, null,
                Session.Status.SCHEDULED, 0, List.of(learner.id()), learner.id(), planned);
        store.insert(s, Map.of(learner.id(), learner.department()));
        return s;
    }

    private Work work(PersonSummary by, ActivityType type, String what, Instant at) {
        UUID id = activities.log(new NewActivity(type, by.id(), at, what, null, null, ActivitySource.MANUAL)).id().value();
        return new Work("activity", id, type.name(), what);
    }

    /** Leads the marketer handed over in the 90 days around {@code cut}, and how many sales rejected. */
    private void handoffs(PersonSummary marketer, Instant cut, int before, int rejectedBefore, int after,
            int rejectedAfter) {
        spread(marketer, cut.minus(Duration.ofDays(50)), cut, before, rejectedBefore);
        spread(marketer, cut, clock.instant().minus(Duration.ofDays(1)), after, rejectedAfter);
    }

    private void spread(PersonSummary marketer, Instant from, Instant to, int leads, int rejected) {
        long step = Duration.between(from, to).toMinutes() / leads;
        for (int i = 0; i < leads; i++) {
            UUID lead = UUID.randomUUID();
            Instant at = from.plus(Duration.ofMinutes(step * i + 37));
            facts.record(UUID.randomUUID(), HandoffFact.Kind.HANDED_OVER, lead, marketer.id(), null, at);
            if (i < rejected) {
                facts.record(UUID.randomUUID(), HandoffFact.Kind.REJECTED, lead, null, REASONS[i % REASONS.length],
                        at.plus(Duration.ofHours(5)));
            }
        }
    }

    private static SignedInPerson as(PersonSummary p) {
        return new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(), p.department(), p.zone(), true, null,
                Set.of());
    }
}
