package org.smartketing.meetings.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import org.smartketing.meetings.ActionItemId;
import org.smartketing.meetings.MeetingId;
import org.smartketing.meetings.SeriesId;
import org.smartketing.meetings.planning.CalendarFeeds;
import org.smartketing.meetings.planning.Invitations;
import org.smartketing.meetings.planning.Meeting;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.meetings.planning.MeetingStore;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.meetings.running.ActionItem;
import org.smartketing.meetings.running.Board;
import org.smartketing.meetings.running.Boards;
import org.smartketing.meetings.running.MeetingRunner;
import org.smartketing.meetings.FollowThrough;
import org.smartketing.meetings.running.RunnerStore;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Meeting series, meetings (with ideas, plans, commitments), action items, measures and .ics over JSON. */
@RestController
@Tag(name = "Meetings")
@RequestMapping("/api/v1")
class MeetingsApiController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    record SeriesView(UUID id, UUID familyId, String title, LocalDateTime start, String zone, int durationMinutes,
            String rrule, UUID sponsorId, UUID organizerId, String topic, String endGoal, String icalUid, int sequence,
            boolean cancelled, List<UUID> attendeeIds, List<UUID> teamIds, List<String> warnings,
            List<MeetingSummary> meetings) {
    }

    record MeetingSummary(UUID id, Instant startsAt, Instant recurrenceId, int durationMinutes, String status,
            String topic, String endGoal) {

        static MeetingSummary of(Meeting m) {
            return new MeetingSummary(m.id().value(), m.startsAt(), m.recurrenceId(), m.durationMinutes(),
                    m.status().name(), m.topic(), m.endGoal());
        }
    }

    record ItemView(UUID id, UUID meetingId, String text, UUID ownerId, UUID authorId, LocalDate firstDueOn,
            LocalDate dueOn, String linkKind, UUID linkId, UUID ideaId, String status, String reason, LocalDate doneOn) {

        static ItemView of(ActionItem i) {
            return new ItemView(i.id().value(), i.meetingId() == null ? null : i.meetingId().value(), i.text(), i.ownerId().value(),
                    i.authorId().value(), i.firstDueOn(), i.dueOn(), i.linkKind(), i.linkId(), i.ideaId(),
                    i.status().name(), i.reason(), i.doneOn());
        }
    }

    record IdeaView(UUID id, String text, UUID authorId, Instant createdAt) {
    }

    record CommitmentView(UUID personId, String action, Instant committedAt) {
    }

    record MeetingView(UUID id, UUID seriesId, String title, Instant startsAt, int durationMinutes, String status,
            String step, Instant stepStartedAt, String topic, String endGoal, UUID sponsorId, List<UUID> attendeeIds,
            List<AgendaView> agenda, List<ItemView> followUp, List<IdeaView> ideas, List<ItemView> plans,
            List<CommitmentView> commitments, List<UUID> notCommitted, Double averageRating) {

        static MeetingView of(Board b) {
            Meeting m = b.meeting();
            return new MeetingView(m.id().value(), m.seriesId().value(), b.series().title(), m.startsAt(),
                    m.durationMinutes(), m.status().name(), m.step() == null ? null : m.step().name(),
                    m.stepStartedAt(), m.topic(), m.endGoal(), b.series().sponsorId().value(),
                    b.attendees().stream().map(p -> p.value()).toList(),
                    b.agenda().stream().map(a -> new AgendaView(a.id(), a.text(), a.presenterId().value(),
                            a.addedBy().value())).toList(),
                    b.followUp().stream().map(ItemView::of).toList(),
                    b.ideas().stream().map(i -> new IdeaView(i.id(), i.text(), i.authorId().value(), i.createdAt()))
                            .toList(),
                    b.items().stream().map(ItemView::of).toList(),
                    b.commitments().stream().map(c -> new CommitmentView(c.personId().value(), c.action(),
                            c.committedAt())).toList(),
                    b.waitingFor().stream().map(p -> p.value()).toList(), b.averageRating());
        }
    }

    record AgendaView(UUID id, String text, UUID presenterId, UUID addedBy) {
    }

    record SeriesChange(String title, LocalDateTime start, String zone, Integer durationMinutes, String rrule,
            UUID sponsorId, List<UUID> attendeeIds, List<UUID> teamIds, String topic, String endGoal, UUID from) {

        MeetingPlanning.SeriesPlan plan() {
            return new MeetingPlanning.SeriesPlan(title, start, zone, durationMinutes, rrule, sponsorId, attendeeIds,
                    teamIds, topic, endGoal);
        }
    }

    record TextRequest(String text, UUID presenterId) {
    }

    record StepRequest(Meeting.Step step) {
    }

    record CommitRequest(String action) {
    }

    record RateRequest(Integer rating) {
    }

    record ReviewRequest(String outcome, LocalDate newDueOn, String reason, UUID meetingId) {
    }

    private final MeetingPlanning planning;
    private final SeriesStore series;
    private final MeetingStore meetings;
    private final MeetingRunner runner;
    private final Boards boards;
    private final RunnerStore store;
    private final FollowThrough measures;
    private final Invitations invitations;
    private final CalendarFeeds feeds;
    private final CsvDownloads csv;

    MeetingsApiController(MeetingPlanning planning, SeriesStore series, MeetingStore meetings, MeetingRunner runner,
            Boards boards, RunnerStore store, FollowThrough measures, Invitations invitations, CalendarFeeds feeds, CsvDownloads csv) {
        this.csv = csv;
        this.planning = planning;
        this.series = series;
        this.meetings = meetings;
        this.runner = runner;
        this.boards = boards;
        this.store = store;
        this.measures = measures;
        this.invitations = invitations;
        this.feeds = feeds;
    }

    @Operation(operationId = "listMeetingSeries", summary = "List the meeting series you are in")
    @GetMapping("/meeting-series")
    List<SeriesView> list(@AuthenticationPrincipal SignedInPerson me) {
        return series.involving(me.id()).stream().map(s -> view(s, false)).toList();
    }

    /** The same list as CSV. */
    @GetMapping(path = "/meeting-series", produces = CsvDownloads.TEXT_CSV)
    void seriesCsv(@AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        csv.send(response, "meeting-series.csv", SeriesView.class, CsvWriter.Rows.of(list(me)));
    }

    @Operation(operationId = "createMeetingSeries", summary = "Create a meeting series")
    @PostMapping("/meeting-series")
    @ResponseStatus(HttpStatus.CREATED)
    SeriesView create(@RequestBody SeriesChange body, @AuthenticationPrincipal SignedInPerson me) {
        return view(planning.create(body.plan(), me).series(), true);
    }

    @Operation(operationId = "getMeetingSeries", summary = "Read a meeting series")
    @GetMapping("/meeting-series/{id}")
    SeriesView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return view(planning.visibleTo(new SeriesId(id), me), true);
    }

    /** The whole series, or with {@code from} (a meeting id) that meeting and the following ones. */
    @Operation(operationId = "editMeetingSeries", summary = "Change a meeting series, or one meeting and the following ones")
    @PutMapping("/meeting-series/{id}")
    SeriesView edit(@PathVariable UUID id, @RequestBody SeriesChange body, @AuthenticationPrincipal SignedInPerson me) {
        MeetingId from = body.from() == null ? null : new MeetingId(body.from());
        return view(planning.edit(new SeriesId(id), body.plan(), from, me).series(), true);
    }

    @Operation(operationId = "cancelMeetingSeries", summary = "Cancel a meeting series")
    @DeleteMapping("/meeting-series/{id}")
    SeriesView cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return view(planning.cancelSeries(new SeriesId(id), me), true);
    }

    @Operation(operationId = "getMeetingSeriesCalendar", summary = "A meeting series as an iCalendar file")
    @ApiResponse(responseCode = "200", description = "The iCalendar file", content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @GetMapping("/meeting-series/{id}/ics")
    ResponseEntity<String> ics(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        Series s = planning.visibleTo(new SeriesId(id), me);
        return ResponseEntity.ok().contentType(CALENDAR).body(invitations.seriesFile(s, meetings.ofSeries(s.id())));
    }

    @Operation(operationId = "getMeeting", summary = "Read a meeting")
    @GetMapping("/meetings/{id}")
    MeetingView meeting(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return board(id, me);
    }

    @Operation(operationId = "editMeeting", summary = "Change one meeting (time, place)")
    @PatchMapping("/meetings/{id}")
    MeetingView editMeeting(@PathVariable UUID id, @RequestBody MeetingPlanning.OccurrenceChange body,
            @AuthenticationPrincipal SignedInPerson me) {
        planning.editOccurrence(new MeetingId(id), body, me);
        return board(id, me);
    }

    @Operation(operationId = "cancelMeeting", summary = "Cancel one meeting")
    @PostMapping("/meetings/{id}/cancel")
    MeetingView cancelMeeting(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        planning.cancelOccurrence(new MeetingId(id), me);
        return board(id, me);
    }

    @Operation(operationId = "addAgendaItem", summary = "Add an item to a meeting's agenda")
    @PostMapping("/meetings/{id}/agenda")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingView agenda(@PathVariable UUID id, @RequestBody TextRequest body, @AuthenticationPrincipal SignedInPerson me) {
        planning.addAgendaPoint(new MeetingId(id), body.text(), body.presenterId(), me);
        return board(id, me);
    }

    @Operation(operationId = "startMeeting", summary = "Start a meeting")
    @PostMapping("/meetings/{id}/start")
    MeetingView start(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        runner.start(new MeetingId(id), me);
        return board(id, me);
    }

    @Operation(operationId = "stepMeeting", summary = "Move a running meeting to a step")
    @PostMapping("/meetings/{id}/step")
    MeetingView step(@PathVariable UUID id, @RequestBody StepRequest body, @AuthenticationPrincipal SignedInPerson me) {
        runner.step(new MeetingId(id), body.step(), me);
        return board(id, me);
    }

    @Operation(operationId = "addMeetingIdea", summary = "Add an idea in a meeting")
    @PostMapping("/meetings/{id}/ideas")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingView idea(@PathVariable UUID id, @RequestBody TextRequest body, @AuthenticationPrincipal SignedInPerson me) {
        runner.addIdea(new MeetingId(id), body.text(), me);
        return board(id, me);
    }

    @Operation(operationId = "addActionItem", summary = "Add an action item in a meeting")
    @PostMapping("/meetings/{id}/plans")
    @ResponseStatus(HttpStatus.CREATED)
    ItemView plan(@PathVariable UUID id, @RequestBody MeetingRunner.NewItem body,
            @AuthenticationPrincipal SignedInPerson me) {
        return ItemView.of(runner.addItem(new MeetingId(id), body, me));
    }

    @Operation(operationId = "addMeetingCommitment", summary = "Make a commitment in a meeting")
    @PostMapping("/meetings/{id}/commitments")
    @ResponseStatus(HttpStatus.CREATED)
    MeetingView commit(@PathVariable UUID id, @RequestBody CommitRequest body, @AuthenticationPrincipal SignedInPerson me) {
        runner.commit(new MeetingId(id), body.action(), me);
        return board(id, me);
    }

    @Operation(operationId = "rateMeeting", summary = "Rate a meeting")
    @PostMapping("/meetings/{id}/ratings")
    MeetingView rate(@PathVariable UUID id, @RequestBody RateRequest body, @AuthenticationPrincipal SignedInPerson me) {
        runner.rate(new MeetingId(id), body.rating(), me);
        return board(id, me);
    }

    @Operation(operationId = "closeMeeting", summary = "Close a meeting")
    @PostMapping("/meetings/{id}/close")
    MeetingView close(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        runner.close(new MeetingId(id), me);
        return board(id, me);
    }

    /** My action items, open first by due date; {@code ?open=true} for open ones only. */
    @Operation(operationId = "listMyActionItems", summary = "Your action items, open first by due date")
    @GetMapping("/action-items")
    List<ItemView> mine(@RequestParam(required = false) Boolean open, @AuthenticationPrincipal SignedInPerson me) {
        return store.ownedBy(me.id(), Boolean.TRUE.equals(open)).stream().map(ItemView::of).toList();
    }

    /** The same list as CSV. */
    @GetMapping(path = "/action-items", produces = CsvDownloads.TEXT_CSV)
    void itemsCsv(@RequestParam(required = false) Boolean open, @AuthenticationPrincipal SignedInPerson me,
            HttpServletResponse response) throws IOException {
        csv.send(response, "action-items.csv", ItemView.class, CsvWriter.Rows.of(mine(open, me)));
    }

    @Operation(operationId = "reviewActionItem", summary = "Review an action item of yours")
    @PatchMapping("/action-items/{id}")
    ItemView review(@PathVariable UUID id, @RequestBody ReviewRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return ItemView.of(runner.review(new ActionItemId(id), body.meetingId() == null ? null
                : new MeetingId(body.meetingId()), new MeetingRunner.Review(ActionItem.Outcome.parse(body.outcome()),
                        body.newDueOn(), body.reason()), me));
    }

    @Operation(operationId = "getMeetingMeasures", summary = "Follow-through on meetings' action items")
    @GetMapping("/meeting-measures")
    FollowThrough.Report measures() {
        return measures.report();
    }

    /** My own calendar: every series I am in, as one iCalendar file. */
    @Operation(operationId = "getMyMeetingCalendar", summary = "All your meeting series as one iCalendar file")
    @ApiResponse(responseCode = "200", description = "The iCalendar file", content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @GetMapping("/meeting-series/calendar.ics")
    ResponseEntity<String> myCalendar(@AuthenticationPrincipal SignedInPerson me) {
        return ResponseEntity.ok().contentType(CALENDAR).body(feeds.calendarOf(me.id()));
    }

    private MeetingView board(UUID id, SignedInPerson me) {
        return MeetingView.of(boards.of(new MeetingId(id), me));
    }

    private SeriesView view(Series s, boolean withMeetings) {
        return new SeriesView(s.id().value(), s.familyId().value(), s.title(), s.firstStart(), s.zone().getId(),
                s.durationMinutes(), s.rrule(), s.sponsorId().value(), s.organizerId().value(), s.topic(), s.endGoal(),
                s.icalUid(), s.sequence(), s.cancelled(), s.attendees().stream().map(p -> p.value()).toList(),
                s.teams().stream().map(t -> t.value()).toList(), planning.warnings(s),
                withMeetings ? meetings.ofSeries(s.id()).stream().map(MeetingSummary::of).toList() : List.of());
    }
}
