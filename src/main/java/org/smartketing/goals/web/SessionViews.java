package org.smartketing.goals.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.smartketing.goals.plan.Period;
import org.smartketing.goals.session.GoalSession;
import org.smartketing.goals.session.SessionBoard;
import org.smartketing.goals.session.Step;
import org.smartketing.team.PersonId;

/** A goal session as the API answers it. */
final class SessionViews {

    private SessionViews() {
    }

    record SessionView(UUID id, UUID teamId, UUID meetingId, String title, Period.Input period, String zone,
            OutcomeView outcome, String step, String stepLabel, ClockView stepClock, ClockView totalClock,
            List<ParticipantView> participants, List<ProposalView> proposals, UUID goalId) {

        static SessionView of(SessionBoard b) {
            GoalSession s = b.session();
            return new SessionView(s.id(), s.teamId().value(), s.meetingId() == null ? null : s.meetingId().value(),
                    s.title(), s.period(), s.zone().getId(),
                    new OutcomeView(s.outcome().measure(), s.outcome().target(), s.outcome().currency()), s.step().name(),
                    s.step().label(), new ClockView(b.stepSeconds(), s.step().minutes() * 60L, b.stepOverrun()),
                    new ClockView(b.totalSeconds(), Step.TOTAL_MINUTES * 60L, b.totalOverrun()),
                    b.participants().stream().map(p -> new ParticipantView(p.person().value(), b.name(p.person()),
                            p.joinedAt(), p.commitment(), p.committedAt())).toList(),
                    b.ranked().stream().map(p -> new ProposalView(p.id(), p.kind().name(), p.kind().label(), p.note(),
                            p.proposedBy().value(), p.votes(), ids(p.voters()), p.target(),
                            p.per() == null ? null : p.per().name(), ids(p.owners()), p.picked())).toList(),
                    s.goalId() == null ? null : s.goalId().value());
        }

        private static List<UUID> ids(List<PersonId> people) {
            return people.stream().map(PersonId::value).toList();
        }
    }

    record OutcomeView(String measure, BigDecimal target, String currency) {
    }

    /** Seconds spent against the seconds given; {@code overrun} once past them (shown, never blocked). */
    record ClockView(long seconds, long limitSeconds, boolean overrun) {
    }

    record ParticipantView(UUID personId, String name, Instant joinedAt, String commitment, Instant committedAt) {
    }

    record ProposalView(UUID id, String type, String label, String note, UUID proposedBy, int votes, List<UUID> voterIds,
            Integer target, String per, List<UUID> ownerIds, boolean picked) {
    }
}
