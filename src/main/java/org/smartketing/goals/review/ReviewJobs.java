package org.smartketing.goals.review;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.goals.GoalId;
import org.smartketing.goals.GoalSet;
import org.smartketing.goals.plan.Goal;
import org.smartketing.goals.plan.GoalLinks;
import org.smartketing.goals.plan.GoalStore;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * The review cadence as persistent jobs. A goal has one {@code goal-review-due} job for its next
 * review day ({@code <goal>@<day>}, at the review hour in the goal's zone): it records the review
 * as due, tells each owner (NORMAL, escalating to the sponsor when nobody acknowledges), schedules
 * the next review day and a {@code goal-review-overdue} job, which tells the sponsor (or, without
 * one, the team's heads of sales and marketing) if the review is still not held. Each job records
 * that it fired with a guarded write, so it fires once, on one node, also after a restart.
 */
@Service
@Transactional
public class ReviewJobs {

    public enum Kind {
        DUE("goal-review-due"), OVERDUE("goal-review-overdue");

        private final String task;

        Kind(String task) {
            this.task = task;
        }

        public String task() {
            return task;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReviewJobs.class);

    private final GoalStore goals;
    private final ReviewStore reviews;
    private final TeamDirectory directory;
    private final Messenger messenger;
    private final SchedulerClient scheduler;
    private final ReviewSettings settings;
    private final Clock clock;

    ReviewJobs(GoalStore goals, ReviewStore reviews, TeamDirectory directory, Messenger messenger,
            SchedulerClient scheduler, ReviewSettings settings, Clock clock) {
        this.goals = goals;
        this.reviews = reviews;
        this.directory = directory;
        this.messenger = messenger;
        this.scheduler = scheduler;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new goal's first review job, in the transaction that sets the goal (both commit or neither). */
    @EventListener
    void goalSet(GoalSet set) {
        goals.byId(set.goalId()).ifPresent(g -> nextAfter(g, g.period().today(clock.instant())));
    }

    /** The first review day after {@code day}: the period's start plus whole cadences; none once the period is over. */
    public Optional<LocalDate> nextReviewAfter(Goal g, LocalDate day) {
        LocalDate due;
        int n = 1;
        do {
            due = g.cadence().nth(g.period().startsOn(), n++);
        } while (!due.isAfter(day));
        return due.isAfter(g.period().endsOn().plusDays(1)) ? Optional.empty() : Optional.of(due);
    }

    private void nextAfter(Goal g, LocalDate day) {
        nextReviewAfter(g, day).ifPresent(due -> scheduler.scheduleIfNotExists(
                new TaskInstance<Void>(Kind.DUE.task(), jobId(g.id(), due)), at(g, due)));
    }

    Instant at(Goal g, LocalDate due) {
        return due.atTime(settings.reviewAtHour(), 0).atZone(g.period().zone()).toInstant();
    }

    static String jobId(GoalId goal, LocalDate due) {
        return goal + "@" + due;
    }

    /** Runs one job; see the class comment for why a repeated or stale one does nothing. */
    public void fire(Kind kind, String jobId) {
        int at = jobId.indexOf('@');
        GoalId id = new GoalId(UUID.fromString(jobId.substring(0, at)));
        LocalDate due = LocalDate.parse(jobId.substring(at + 1));
        Optional<Goal> found = goals.byId(id);
        Instant now = clock.instant();
        if (found.isEmpty()) {
            return;
        }
        Goal g = found.get();
        if (kind == Kind.DUE) {
            if (!reviews.markDue(id, due, now)) {
                log.debug("Goal review {} was due already", jobId);
                return;
            }
            remindOwners(g, due);
            scheduler.scheduleIfNotExists(new TaskInstance<Void>(Kind.OVERDUE.task(), jobId), now.plus(settings.escalateAfter()));
            nextAfter(g, due);
        }
        else if (reviews.markEscalated(id, due, now)) {
            escalate(g, due);
        }
    }

    private void remindOwners(Goal g, LocalDate due) {
        for (PersonId owner : g.owners()) {
            messenger.send(NewMessage.system(owner, Urgency.NORMAL, "Review due: " + g.title(),
                    "The goal \"" + g.title() + "\" (" + g.period().label() + ") is due for its review on " + due
                            + ". Look at each activity's pace, then keep, adjust or drop it on the goal's page.",
                    regarding(g)).escalatingTo(g.sponsorId()));
        }
    }

    private void escalate(Goal g, LocalDate due) {
        for (PersonId to : escalationTo(g)) {
            messenger.send(NewMessage.system(to, Urgency.NORMAL, "Review not held: " + g.title(),
                    "The review of \"" + g.title() + "\" was due on " + due + " and has not been held yet. "
                            + "Please follow up with its owners.", regarding(g)));
        }
    }

    private List<PersonId> escalationTo(Goal g) {
        if (g.sponsorId() != null) {
            return List.of(g.sponsorId());
        }
        return directory.membersOf(g.teamId()).stream().filter(PersonSummary::enabled)
                .filter(p -> p.appRole().compareTo(AppRole.MANAGER) >= 0)
                .filter(p -> p.department() == Department.SALES || p.department() == Department.MARKETING)
                .map(PersonSummary::id).toList();
    }

    private static Regarding regarding(Goal g) {
        return GoalLinks.regarding(g);
    }
}
