package org.smartketing.crosstraining.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.activity.ActivityType;
import org.smartketing.crosstraining.AskId;
import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.coverage.Pairings;
import org.smartketing.crosstraining.measures.Measures;
import org.smartketing.crosstraining.sessions.Offer;
import org.smartketing.crosstraining.sessions.OfferStore;
import org.smartketing.crosstraining.sessions.Offers;
import org.smartketing.crosstraining.sessions.Reflection;
import org.smartketing.crosstraining.sessions.Reflections;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.crosstraining.sessions.Sessions;
import org.smartketing.crosstraining.sessions.WorkChoices;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cross-training pages: mine, the offers board, a session, the coverage matrix, the measures. Plain forms. */
@Controller
class CrossTrainingPagesController {

    private final Sessions sessions;
    private final SessionStore sessionStore;
    private final Offers offers;
    private final OfferStore offerStore;
    private final Reflections reflections;
    private final Budgets budgets;
    private final Coverage coverage;
    private final Pairings pairings;
    private final Measures measures;
    private final TeamDirectory directory;
    private final WorkChoices workChoices;
    private final Clock clock;

    CrossTrainingPagesController(Sessions sessions, SessionStore sessionStore, Offers offers, OfferStore offerStore,
            Reflections reflections, Budgets budgets, Coverage coverage, Pairings pairings, Measures measures,
            TeamDirectory directory, WorkChoices workChoices, Clock clock) {
        this.workChoices = workChoices;
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.offers = offers;
        this.offerStore = offerStore;
        this.reflections = reflections;
        this.budgets = budgets;
        this.coverage = coverage;
        this.pairings = pairings;
        this.measures = measures;
        this.directory = directory;
        this.clock = clock;
    }

    /** A session as a page lists it: who hosts, who learns, whether the viewer still owes a reflection. */
    record SessionLine(Session session, String host, String learners, boolean over, boolean reflectionDue) {
    }

    /** The offer form as it was sent, shown again with what was wrong. */
    record OfferForm(String title, LocalDateTime startsAt, Integer durationMinutes, Integer seats, String work,
            String workKind, String workId) {
    }

    @GetMapping("/cross-training")
    String mine(@AuthenticationPrincipal SignedInPerson me, Model model) {
        return mine(me, null, null, model);
    }

    private String mine(SignedInPerson me, OfferForm offerForm, String offerError, Model model) {
        Instant now = clock.instant();
        PersonSummary person = directory.person(me.id()).orElseThrow();
        model.addAttribute("offerForm", offerForm);
        model.addAttribute("offerError", offerError);
        model.addAttribute("work", workChoices.of(person).stream().collect(Collectors.groupingBy(WorkChoices.Choice::group,
                java.util.LinkedHashMap::new, Collectors.toList())));
        List<Session> mine = sessionStore.involving(me.id()).stream().filter(s -> !s.cancelled()).toList();
        model.addAttribute("budget", budgets.of(person));
        model.addAttribute("upcoming", lines(mine.stream().filter(s -> !s.over(now)).toList(), me));
        List<SessionLine> past = lines(mine.stream().filter(s -> s.over(now))
                .sorted(Comparator.comparing(Session::startsAt).reversed()).toList(), me);
        model.addAttribute("past", past);
        model.addAttribute("due", past.stream().filter(SessionLine::reflectionDue).toList());
        model.addAttribute("asks", offerStore.asksOf(me.id()));
        model.addAttribute("offers", offerStore.hostedBy(me.id()));
        model.addAttribute("types", ActivityType.of(other(me.department())));
        model.addAttribute("people", directory.enabledPeople().stream().filter(p -> !p.id().equals(me.id()))
                .sorted(Comparator.comparing(PersonSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList());
        model.addAttribute("tomorrow", LocalDateTime.now(clock.withZone(me.zone())).plusDays(1).withHour(14).withMinute(0)
                .withSecond(0).withNano(0));
        return "crosstraining/mine";
    }

    @PostMapping("/cross-training/asks")
    String ask(@RequestParam(required = false) String wants, @RequestParam(required = false) String jobRole,
            @RequestParam(required = false) String activityType, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        offers.ask(new Offers.NewAsk(wants, jobRole, activityType), me);
        redirect.addFlashAttribute("flash", "Your ask is on the offers board.");
        return "redirect:/cross-training/offers";
    }

    /**
     * A seat on work picked from the list ({@code work} = {@code kind:id}), or on work named by its
     * kind and id; a refusal shows the form again, as it was typed, with what was wrong (400).
     */
    @PostMapping("/cross-training/offers")
    String offer(@RequestParam(required = false) String title,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) Integer durationMinutes, @RequestParam(required = false) Integer seats,
            @RequestParam(required = false) String work, @RequestParam(required = false) String workKind,
            @RequestParam(required = false) String workId, @AuthenticationPrincipal SignedInPerson me, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            String kind = workKind;
            UUID id;
            if (work != null) {
                WorkChoices.Picked picked = WorkChoices.picked(work);
                kind = picked.kind();
                id = picked.id();
            }
            else {
                id = workId(workId);
            }
            offers.offer(new Offers.NewOffer(title, instant(startsAt, me.zone()), durationMinutes, seats, null, kind, id),
                    me);
        }
        catch (InvalidFieldException | RuleViolationException ex) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String field = ex instanceof InvalidFieldException f ? f.field() + ": " : "";
            return mine(me, new OfferForm(title, startsAt, durationMinutes, seats, work, workKind, workId),
                    field + ex.getMessage(), model);
        }
        redirect.addFlashAttribute("flash", "Your seat is offered.");
        return "redirect:/cross-training/offers";
    }

    private static UUID workId(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidFieldException("workId", "is required: pick the work from the list, or give its id");
        }
        try {
            return UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("workId", "is not an id: use the one on the activity, meeting or campaign page");
        }
    }

    @PostMapping("/cross-training/sessions")
    String plan(@RequestParam(required = false) String topic,
            @RequestParam(required = false) List<UUID> learnerIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) Integer durationMinutes, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        Session s = sessions.plan(new Sessions.NewSession("PLANNED", topic, null, learnerIds,
                instant(startsAt, me.zone()), durationMinutes, me.zone().getId(), null, null), me);
        redirect.addFlashAttribute("flash", "Session planned; invitations sent.");
        return "redirect:/cross-training/sessions/" + s.id();
    }

    @GetMapping("/cross-training/offers")
    String board(@AuthenticationPrincipal SignedInPerson me, Model model) {
        List<Offer> open = offers.open();
        Set<PersonId> ids = open.stream().map(Offer::hostId).collect(Collectors.toSet());
        var asks = offerStore.openAsks();
        asks.forEach(a -> ids.add(a.learnerId()));
        model.addAttribute("offers", open);
        model.addAttribute("asks", asks);
        model.addAttribute("names", names(ids));
        model.addAttribute("me", me.id());
        return "crosstraining/offers";
    }

    @PostMapping("/cross-training/offers/{id}/book")
    String book(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        Session s = offers.book(new OfferId(id), me);
        redirect.addFlashAttribute("flash", "The seat is yours; the invitation is on its way.");
        return "redirect:/cross-training/sessions/" + s.id();
    }

    @PostMapping("/cross-training/offers/{id}/withdraw")
    String withdrawOffer(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        offers.withdraw(new OfferId(id), me);
        redirect.addFlashAttribute("flash", "Offer withdrawn.");
        return "redirect:/cross-training";
    }

    @PostMapping("/cross-training/asks/{id}/match")
    String match(@PathVariable UUID id, @RequestParam(required = false) UUID offerId,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        Session s = offers.match(new AskId(id), offerId == null ? null : new OfferId(offerId), me);
        redirect.addFlashAttribute("flash", "Matched: the learner has the seat.");
        return "redirect:/cross-training/sessions/" + s.id();
    }

    @PostMapping("/cross-training/asks/{id}/withdraw")
    String withdrawAsk(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        offers.withdraw(new AskId(id), me);
        redirect.addFlashAttribute("flash", "Ask withdrawn.");
        return "redirect:/cross-training";
    }

    @GetMapping("/cross-training/sessions/{id}")
    String session(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        Session s = sessions.visibleTo(new SessionId(id), me);
        List<Reflection> written = reflections.of(s.id());
        Set<PersonId> ids = new java.util.HashSet<>(s.learners());
        ids.add(s.host().id());
        model.addAttribute("s", s);
        model.addAttribute("names", names(ids));
        model.addAttribute("reflections", written);
        model.addAttribute("host", s.host().id().equals(me.id()));
        model.addAttribute("canReflect", s.involves(me.id()) && !s.cancelled() && !s.startsAt().isAfter(clock.instant())
                && written.stream().noneMatch(r -> r.personId().equals(me.id())));
        model.addAttribute("started", !s.startsAt().isAfter(clock.instant()));
        model.addAttribute("local", LocalDateTime.ofInstant(s.startsAt(), me.zone()));
        model.addAttribute("today", LocalDate.now(clock.withZone(me.zone())));
        return "crosstraining/session";
    }

    @PostMapping("/cross-training/sessions/{id}/reflections")
    String reflect(@PathVariable UUID id, @RequestParam(required = false) String learned,
            @RequestParam(required = false) String change,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate actionDueOn,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        Reflection r = reflections.write(new SessionId(id), new Reflections.NewReflection(learned, change, actionDueOn), me);
        redirect.addFlashAttribute("flash", r.actionItemId() == null ? "Reflection saved."
                : "Reflection saved; your change is on your action items.");
        return "redirect:/cross-training/sessions/" + id;
    }

    @PostMapping("/cross-training/sessions/{id}/move")
    String move(@PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
            @RequestParam(required = false) Integer durationMinutes, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        sessions.move(new SessionId(id), instant(startsAt, me.zone()), durationMinutes, me);
        redirect.addFlashAttribute("flash", "Session moved; everyone gets the updated invitation.");
        return "redirect:/cross-training/sessions/" + id;
    }

    @PostMapping("/cross-training/sessions/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        sessions.cancel(new SessionId(id), reason, me);
        redirect.addFlashAttribute("flash", "Session declined; the learners get a cancellation.");
        return "redirect:/cross-training/sessions/" + id;
    }

    @GetMapping("/cross-training/coverage")
    String coverage(@AuthenticationPrincipal SignedInPerson me, Model model) {
        Coverage.Matrix m = coverage.matrix();
        model.addAttribute("m", m);
        model.addAttribute("suggestions", pairings.suggestions(m));
        model.addAttribute("defaultHours", budgets.defaultHours());
        model.addAttribute("me", me);
        return "crosstraining/coverage";
    }

    @PostMapping("/cross-training/budgets/default")
    String setDefault(@RequestParam(required = false) Integer hours, RedirectAttributes redirect) {
        budgets.setDefault(hours);
        redirect.addFlashAttribute("flash", "Default budget saved.");
        return "redirect:/cross-training/coverage";
    }

    @PostMapping("/cross-training/budgets/{id}")
    String setBudget(@PathVariable UUID id, @RequestParam(required = false) Integer hours,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        budgets.set(new PersonId(id), hours, hours == null, me);
        redirect.addFlashAttribute("flash", hours == null ? "Budget back to the default." : "Budget saved.");
        return "redirect:/cross-training/coverage";
    }

    @GetMapping("/cross-training/measures")
    String measures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("r", measures.report(from, to));
        return "crosstraining/measures";
    }

    private List<SessionLine> lines(List<Session> list, SignedInPerson me) {
        Set<PersonId> ids = new java.util.HashSet<>();
        list.forEach(s -> {
            ids.add(s.host().id());
            ids.addAll(s.learners());
        });
        Map<PersonId, String> names = names(ids);
        Instant now = clock.instant();
        List<SessionLine> lines = new ArrayList<>();
        for (Session s : list) {
            boolean due = s.over(now) && s.learners().contains(me.id())
                    && reflections.of(s.id()).stream().noneMatch(r -> r.personId().equals(me.id()));
            lines.add(new SessionLine(s, names.getOrDefault(s.host().id(), "?"),
                    s.learners().stream().map(l -> names.getOrDefault(l, "?")).collect(Collectors.joining(", ")),
                    s.over(now), due));
        }
        return lines;
    }

    private Map<PersonId, String> names(Set<PersonId> ids) {
        return directory.people(ids).values().stream()
                .collect(Collectors.toMap(PersonSummary::id, PersonSummary::displayName));
    }

    private static Instant instant(LocalDateTime local, ZoneId zone) {
        return local == null ? null : local.atZone(zone).toInstant();
    }

    private static Department other(Department d) {
        return d == Department.SALES ? Department.MARKETING : Department.SALES;
    }
}
