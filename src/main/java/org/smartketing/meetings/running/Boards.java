package org.smartketing.meetings.running;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a meeting's board for people in the series, managers and admins. */
@Service
@Transactional(readOnly = true)
public class Boards {

    private final MeetingStore meetings;
    private final SeriesStore series;
    private final RunnerStore store;
    private final TeamDirectory directory;
    private final Clock clock;

    Boards(MeetingStore meetings, SeriesStore series, RunnerStore store, TeamDirectory directory, Clock clock) {
        this.meetings = meetings;
        this.series = series;
        this.store = store;
        this.directory = directory;
        this.clock = clock;
    }

    public Board of(MeetingId meetingId, SignedInPerson viewer) {
        Meeting m = meetings.get(meetingId);
        Series s = series.byId(m.seriesId()).orElseThrow();
        if (viewer != null && !s.involves(viewer.id()) && viewer.role() == AppRole.MEMBER) {
            throw new NotFoundException("Meeting " + meetingId);
        }
        return board(m, s);
    }

    Board board(Meeting m, Series s) {
        List<ActionItem> followUp = Stream.concat(store.openBefore(m.familyId(), m.startsAt()).stream(),
                store.reviewedIn(m.id()).stream()).toList();
        List<ActionItem> items = store.itemsOf(m.id());
        List<RunnerStore.Commitment> commitments = store.commitments(m.id());
        Map<PersonId, PersonSummary> people = new LinkedHashMap<>();
        Stream.concat(s.everyone().stream(), Stream.concat(followUp.stream().map(ActionItem::ownerId),
                items.stream().map(ActionItem::ownerId))).distinct()
                .forEach(id -> directory.person(id).ifPresent(p -> people.put(id, p)));
        List<PersonId> waiting = s.attendees().stream()
                .filter(a -> commitments.stream().noneMatch(c -> c.personId().equals(a))).toList();
        return new Board(m, s, people, meetings.agenda(m.id()), followUp, store.ideas(m.id()), items, commitments,
                store.ratings(m.id()), waiting, clock.instant());
    }
}
