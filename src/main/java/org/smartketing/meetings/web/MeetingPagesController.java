package org.smartketing.meetings.web;

import java.time.Clock;
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
import org.smartketing.meetings.planning.Recurrence;
import org.smartketing.meetings.planning.Series;
import org.smartketing.meetings.planning.SeriesStore;
import org.smartketing.meetings.running.ActionItem;
import org.smartketing.meetings.running.Boards;
import org.smartketing.meetings.running.MeetingRunner;
import org.smartketing.meetings.FollowThrough;
import org.smartketing.meetings.running.RunnerStore;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Meeting pages: series, a meeting's preparation, the live runner, my action items, measures, my calendar link. */
@Controller
class MeetingPagesController {

    private final MeetingPlanning planning;
    private final SeriesStore series;
    private final MeetingStore meetings;
    private final MeetingRunner runner;
    private final Boards boards;
    private final RunnerStore store;
    private final FollowThrough measures;
    private final CalendarFeeds feeds;
    private final Invitations invitations;
    private final TeamDirectory directory;
    private final Clock clock;

    MeetingPagesController(MeetingPlanning planning, SeriesStore series, MeetingStore meetings, MeetingRunner runner,
            Boards boards, RunnerStore store, FollowThrough measures, CalendarFeeds feeds, Invitations invitations,
            TeamDirectory directory, Clock clock) {
        this.planning = planning;
        this.series = series;
        this.meetings = meetings;
        this.runner = runner;
        this.boards = boards;
        this.store = store;
        this.measures = measures;
        this.feeds = feeds;
        this.invitations = invitations;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/meetings")
    String home(@AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("upcoming", meetings.upcomingFor(me.id(), clock.instant().minusSeconds(3600 * 12), 20));
        model.addAttribute("series", series.involving(me.id()));
        model.addAttribute("titles", titles());
        return "meetings/home";
    }

    @GetMapping("/meetings/series/new")
    String newSeries(@AuthenticationPrincipal SignedInPerson me, Model model) {
        SeriesForm form = new SeriesForm();
        form.setZone(me.zone().getId());
        form.setStart(LocalDateTime.now(clock.withZone(me.zone())).plusDays(1).withHour(9).withMinute(0).withSecond(0)
                .withNano(0));
        form.getAttendeeIds().add(me.id().value());
        return form(form, null, null, model);
    }

    @PostMapping("/meetings/series")
    String create(@ModelAttribute("form") SeriesForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            return form(form, null, bindingMessage(binding), model);
        }
        try {
            MeetingPlanning.Planned planned = planning.create(form.plan(), me);
            redirect.addFlashAttribute("flash", "Series saved; invitations sent."
                    + String.join(" ", planned.warnings().stream().map(w -> " " + w).toList()));
            return "redirect:/meetings/series/" + planned.series().id();
        }
        catch (InvalidFieldException ex) {
            return form(form, null, ex.field() + ": " + ex.getMessage(), model);
        }
    }

    @GetMapping("/meetings/series/{id}")
    String seriesPage(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        Series s = planning.visibleTo(new SeriesId(id), me);
        model.addAttribute("s", s);
        model.addAttribute("meetings", meetings.ofSeries(s.id()));
        model.addAttribute("warnings", planning.warnings(s));
        model.addAttribute("names", names(s));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SeriesForm.of(s));
        }
        addChoices(model);
        return "meetings/series";
    }

    /** The series as a calendar file from the page, with the page's session (the API's link needs a token). */
    @GetMapping("/meetings/series/{id}/calendar.ics")
    ResponseEntity<String> seriesFile(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        Series s = planning.visibleTo(new SeriesId(id), me);
        return ResponseEntity.ok().contentType(MeetingsApiController.CALENDAR)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"meetings.ics\"")
                .body(invitations.seriesFile(s, meetings.ofSeries(s.id())));
    }

    @PostMapping("/meetings/series/{id}")
    String edit(@PathVariable UUID id, @ModelAttribute("form") SeriesForm form, BindingResult binding,
            @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        try {
            if (binding.hasErrors()) {
                throw new InvalidFieldException(binding.getFieldErrors().get(0).getField(), "has a value of the wrong format");
            }
            Series saved = planning.edit(new SeriesId(id), form.plan(),
                    form.getFrom() == null ? null : new MeetingId(form.getFrom()), me).series();
            redirect.addFlashAttribute("flash", "Saved; updated invitations sent.");
            return "redirect:/meetings/series/" + saved.id();
        }
        catch (InvalidFieldException ex) {
            model.addAttribute("error", ex.field() + ": " + ex.getMessage());
            return seriesPage(id, me, model);
        }
    }

    @PostMapping("/meetings/series/{id}/cancel")
    String cancelSeries(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        planning.cancelSeries(new SeriesId(id), me);
        redirect.addFlashAttribute("flash", "Series cancelled; everyone was sent the cancellation.");
        return "redirect:/meetings/series/" + id;
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("b", boards.of(new MeetingId(id), me));
        model.addAttribute("me", me);
        return "meetings/meeting";
    }

    @PostMapping("/meetings/{id}")
    String editMeeting(@PathVariable UUID id, @RequestParam(required = false) String topic,
            @RequestParam(required = false) String endGoal,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime start,
            @RequestParam(required = false) Integer durationMinutes, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        planning.editOccurrence(new MeetingId(id), new MeetingPlanning.OccurrenceChange(start, durationMinutes,
                topic == null ? null : topic, endGoal == null ? null : endGoal), me);
        redirect.addFlashAttribute("flash", "Meeting saved.");
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/cancel")
    String cancelMeeting(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        planning.cancelOccurrence(new MeetingId(id), me);
        redirect.addFlashAttribute("flash", "This meeting is cancelled; everyone was sent the cancellation.");
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/agenda")
    String agenda(@PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) UUID presenterId, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        planning.addAgendaPoint(new MeetingId(id), text, presenterId, me);
        redirect.addFlashAttribute("flash", "Talking point added.");
        return "redirect:/meetings/" + id;
    }

    @PostMapping("/meetings/{id}/start")
    String start(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        try {
            runner.start(new MeetingId(id), me);
            return "redirect:/meetings/" + id + "/run";
        }
        catch (InvalidFieldException ex) {
            redirect.addFlashAttribute("flash", "Cannot start yet: " + ex.getMessage() + ".");
            return "redirect:/meetings/" + id;
        }
    }

    /** The runner; with HX-Request only its live part, which the page polls every two seconds. */
    @GetMapping("/meetings/{id}/run")
    String run(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("b", boards.of(new MeetingId(id), me));
        model.addAttribute("me", me);
        model.addAttribute("steps", Meeting.Step.values());
        model.addAttribute("linkTargets", runner.linkTargets());
        model.addAttribute("nextWeek", LocalDate.now(clock.withZone(me.zone())).plusDays(7));
        model.addAttribute("today", LocalDate.now(clock.withZone(me.zone())));
        return htmx != null ? "meetings/run :: live" : "meetings/run";
    }

    @PostMapping("/meetings/{id}/run/step")
    String step(@PathVariable UUID id, @RequestParam(required = false) Meeting.Step step,
            @AuthenticationPrincipal SignedInPerson me) {
        runner.step(new MeetingId(id), step, me);
        return "redirect:/meetings/" + id + "/run";
    }

    @PostMapping("/meetings/{id}/run/ideas")
    String idea(@PathVariable UUID id, @RequestParam(required = false) String text,
            @AuthenticationPrincipal SignedInPerson me) {
        runner.addIdea(new MeetingId(id), text, me);
        return "redirect:/meetings/" + id + "/run#ideas";
    }

    @PostMapping("/meetings/{id}/run/items")
    String item(@PathVariable UUID id, @RequestParam(required = false) String text,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            @RequestParam(required = false) String linkKind, @RequestParam(required = false) UUID linkId,
            @RequestParam(required = false) UUID ideaId, @AuthenticationPrincipal SignedInPerson me) {
        runner.addItem(new MeetingId(id), new MeetingRunner.NewItem(text, ownerId,
                dueOn == null && ideaId != null ? LocalDate.now(clock.withZone(me.zone())).plusDays(7) : dueOn,
                linkKind == null || linkKind.isBlank() ? null : linkKind, linkId, ideaId), me);
        return "redirect:/meetings/" + id + "/run#plans";
    }

    @PostMapping("/meetings/{id}/run/commitments")
    String commit(@PathVariable UUID id, @RequestParam(required = false) String action,
            @AuthenticationPrincipal SignedInPerson me) {
        runner.commit(new MeetingId(id), action, me);
        return "redirect:/meetings/" + id + "/run#commitments";
    }

    @PostMapping("/meetings/{id}/run/ratings")
    String rate(@PathVariable UUID id, @RequestParam(required = false) Integer rating,
            @AuthenticationPrincipal SignedInPerson me) {
        runner.rate(new MeetingId(id), rating, me);
        return "redirect:/meetings/" + id + "/run";
    }

    @PostMapping("/meetings/{id}/run/close")
    String close(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        runner.close(new MeetingId(id), me);
        redirect.addFlashAttribute("flash", "Meeting closed; the minutes were emailed to everyone.");
        return "redirect:/meetings/" + id + "/run";
    }

    @PostMapping("/meetings/{id}/run/follow-up/{itemId}")
    String followUp(@PathVariable UUID id, @PathVariable UUID itemId, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDueOn,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal SignedInPerson me) {
        runner.review(new ActionItemId(itemId), new MeetingId(id), review(outcome, newDueOn, reason), me);
        return "redirect:/meetings/" + id + "/run#follow-up";
    }

    @GetMapping("/action-items")
    String myItems(@AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("items", store.ownedBy(me.id(), false));
        model.addAttribute("today", LocalDate.now(clock.withZone(me.zone())));
        return "meetings/action-items";
    }

    @PostMapping("/action-items/{id}")
    String reviewMine(@PathVariable UUID id, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate newDueOn,
            @RequestParam(required = false) String reason, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        runner.review(new ActionItemId(id), null, review(outcome, newDueOn, reason), me);
        redirect.addFlashAttribute("flash", "Action item updated.");
        return "redirect:/action-items";
    }

    @GetMapping("/meetings/measures")
    String measures(Model model) {
        model.addAttribute("report", measures.report());
        return "meetings/measures";
    }

    @GetMapping("/meetings/calendar")
    String calendar(@AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute("hint", feeds.activeHint(me.id()).orElse(null));
        return "meetings/calendar";
    }

    @PostMapping("/meetings/calendar")
    String renewFeed(@AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("feedUrl", feeds.renew(me.id()));
        return "redirect:/meetings/calendar";
    }

    @PostMapping("/meetings/calendar/revoke")
    String revokeFeed(@AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        feeds.revoke(me.id());
        redirect.addFlashAttribute("flash", "Your calendar link no longer works.");
        return "redirect:/meetings/calendar";
    }

    /** What calendar apps subscribe to: no session, the secret in the URL is the key. */
    @GetMapping("/calendar/{secret}.ics")
    ResponseEntity<String> feed(@PathVariable String secret) {
        return feeds.feed(secret).map(ics -> ResponseEntity.ok().contentType(MeetingsApiController.CALENDAR).body(ics))
                .orElseThrow(() -> new NotFoundException("Calendar"));
    }

    private String form(SeriesForm form, Series s, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        addChoices(model);
        return "meetings/series-form";
    }

    private void addChoices(Model model) {
        List<PersonSummary> people = directory.enabledPeople();
        model.addAttribute("people", people);
        model.addAttribute("sponsors", people.stream().filter(p -> p.appRole() != AppRole.MEMBER).toList());
        model.addAttribute("teams", directory.teams());
        model.addAttribute("zones", TimeZones.OFFERED);
        model.addAttribute("patterns", Recurrence.Pattern.values());
    }

    private java.util.Map<String, String> names(Series s) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        s.everyone().forEach(p -> directory.person(p).ifPresent(x -> names.put(p.toString(), x.displayName())));
        return names;
    }

    private static MeetingRunner.Review review(String outcome, LocalDate newDueOn, String reason) {
        return new MeetingRunner.Review(ActionItem.Outcome.parse(outcome), newDueOn, reason);
    }

    private java.util.Map<SeriesId, String> titles() {
        java.util.Map<SeriesId, String> titles = new java.util.HashMap<>();
        series.all().forEach(s -> titles.put(s.id(), s.title()));
        return titles;
    }

    private static String bindingMessage(BindingResult binding) {
        return binding.getFieldErrors().get(0).getField() + ": has a value of the wrong format";
    }

}
