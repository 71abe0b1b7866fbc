package org.smartketing.crosstraining.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.smartketing.crosstraining.AskId;
import org.smartketing.crosstraining.OfferId;
import org.smartketing.crosstraining.SessionId;
import org.smartketing.crosstraining.budgets.Budgets;
import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.coverage.Pairings;
import org.smartketing.crosstraining.measures.Measures;
import org.smartketing.crosstraining.sessions.Ask;
import org.smartketing.crosstraining.sessions.Offer;
import org.smartketing.crosstraining.sessions.OfferStore;
import org.smartketing.crosstraining.sessions.Offers;
import org.smartketing.crosstraining.sessions.Reflection;
import org.smartketing.crosstraining.sessions.Reflections;
import org.smartketing.crosstraining.sessions.Session;
import org.smartketing.crosstraining.sessions.SessionStore;
import org.smartketing.crosstraining.sessions.Sessions;
import org.smartketing.crosstraining.sessions.Work;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
import io.swagger.v3.oas.annotations.tags.Tag;

/** Cross-training over JSON: sessions, offers, asks, budgets. */
@RestController
@Tag(name = "Cross-training")
@RequestMapping("/api/v1/cross-training")
class CrossTrainingApiController {

    record WorkView(String kind, UUID id, String type, String title) {

        static WorkView of(Work w) {
            return w == null ? null : new WorkView(w.kind(), w.id(), w.type(), w.title());
        }
    }

    record SessionView(SessionId id, String kind, String topic, PersonId hostId, String hostDepartment,
            String hostJobRole, Instant startsAt, int durationMinutes, String zone, WorkView work, OfferId offerId,
            String status, int sequence, List<PersonId> learnerIds) {

        static SessionView of(Session s) {
            return new SessionView(s.id(), s.kind().name(), s.topic(), s.host().id(), s.host().department().name(),
                    s.host().jobRole(), s.startsAt(), s.durationMinutes(), s.zone().getId(), WorkView.of(s.work()),
                    s.offerId(), s.status().name(), s.sequence(), s.learners());
        }
    }

    record OfferView(OfferId id, PersonId hostId, String title, Instant startsAt, int durationMinutes, String zone,
            WorkView work, int seats, int seatsLeft, String status, SessionId sessionId) {

        static OfferView of(Offer o) {
            return new OfferView(o.id(), o.hostId(), o.title(), o.startsAt(), o.durationMinutes(), o.zone().getId(),
                    WorkView.of(o.work()), o.seats(), o.seatsLeft(), o.status().name(), o.sessionId());
        }
    }

    record AskView(AskId id, PersonId learnerId, String wants, String jobRole, String activityType, String status,
            SessionId sessionId, Instant createdAt) {

        static AskView of(Ask a) {
            return new AskView(a.id(), a.learnerId(), a.wants(), a.jobRole(),
                    a.activityType() == null ? null : a.activityType().name(), a.status().name(), a.sessionId(),
                    a.createdAt());
        }
    }

    record ReflectionView(SessionId sessionId, PersonId personId, String learned, String change,
            org.smartketing.meetings.ActionItemId actionItemId, Instant writtenAt) {

        static ReflectionView of(Reflection r) {
            return new ReflectionView(r.sessionId(), r.personId(), r.learned(), r.change(), r.actionItemId(), r.writtenAt());
        }
    }

    record CellView(String department, String column, int sessions, double hours, Instant last) {
    }

    record RowView(PersonId personId, String name, String department, String jobRole, int budgetHours,
            double spentHours, double plannedHours, List<CellView> cells) {

        static RowView of(Coverage.Row r) {
            List<CellView> cells = new java.util.ArrayList<>();
            for (int i = 0; i < r.columns().size(); i++) {
                Coverage.Column c = r.columns().get(i);
                Coverage.Cell cell = r.cells().get(i);
                cells.add(new CellView(c.department().name(), c.label(), cell.sessions(), cell.hours(), cell.last()));
            }
            return new RowView(r.person().id(), r.person().displayName(), r.person().department().name(),
                    r.person().jobRole(), r.budget().hours(), r.budget().spentHours(), r.budget().plannedHours(), cells);
        }
    }

    record RoleView(String department, String role, int people, int seenBy, int hosts, boolean meetsTarget,
            String gap) {
    }

    record SuggestionView(PersonId learnerId, String learner, PersonId hostId, String host, String role, int gap,
            double overlapHours, double budgetLeftHours, String reason) {
    }

    record CoverageView(int coveragePercent, int seenTarget, List<RowView> people, List<RoleView> roles,
            List<PersonId> seenNothing, List<SuggestionView> suggestions) {
    }

    record MoveRequest(Instant startsAt, Integer durationMinutes) {
    }

    record CancelRequest(String reason) {
    }

    record MatchRequest(UUID offerId) {
    }

    record BudgetRequest(Integer hours, Boolean useDefault) {
    }

    record BudgetsView(int defaultHours, List<Budgets.Budget> people) {
    }

    private final Sessions sessions;
    private final SessionStore sessionStore;
    private final Offers offers;
    private final OfferStore offerStore;
    private final Budgets budgets;
    private final Reflections reflections;
    private final Coverage coverage;
    private final Pairings pairings;
    private final Measures measures;
    private final TeamDirectory directory;
    private final CsvDownloads csv;

    CrossTrainingApiController(Sessions sessions, SessionStore sessionStore, Offers offers, OfferStore offerStore,
            Budgets budgets, Reflections reflections, Coverage coverage, Pairings pairings, Measures measures, TeamDirectory directory, CsvDownloads csv) {
        this.csv = csv;
        this.measures = measures;
        this.coverage = coverage;
        this.pairings = pairings;
        this.reflections = reflections;
        this.sessions = sessions;
        this.sessionStore = sessionStore;
        this.offers = offers;
        this.offerStore = offerStore;
        this.budgets = budgets;
        this.directory = directory;
    }

    /** The caller's sessions (hosted or learned in), soonest first. */
    @Operation(operationId = "listCrossTrainingSessions", summary = "Your cross-training sessions (hosted or learned in), soonest first")
    @GetMapping("/sessions")
    List<SessionView> sessions(@AuthenticationPrincipal SignedInPerson me) {
        return sessionStore.involving(me.id()).stream().map(SessionView::of).toList();
    }

    /** The same list as CSV. */
    @GetMapping(path = "/sessions", produces = CsvDownloads.TEXT_CSV)
    void sessionsCsv(@AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        csv.send(response, "cross-training-sessions.csv", SessionView.class, CsvWriter.Rows.of(sessions(me)));
    }

    @Operation(operationId = "planCrossTrainingSession", summary = "Plan a cross-training session")
    @PostMapping("/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView plan(@RequestBody Sessions.NewSession body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.plan(body, me));
    }

    @Operation(operationId = "getCrossTrainingSession", summary = "Read a cross-training session")
    @GetMapping("/sessions/{id}")
    SessionView session(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.visibleTo(new SessionId(id), me));
    }

    @Operation(operationId = "moveCrossTrainingSession", summary = "Move a cross-training session to another time")
    @PatchMapping("/sessions/{id}")
    SessionView move(@PathVariable UUID id, @RequestBody MoveRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.move(new SessionId(id), body.startsAt(), body.durationMinutes(), me));
    }

    @Operation(operationId = "cancelCrossTrainingSession", summary = "Cancel a cross-training session")
    @PostMapping("/sessions/{id}/cancel")
    SessionView cancel(@PathVariable UUID id, @RequestBody(required = false) CancelRequest body,
            @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(sessions.cancel(new SessionId(id), body == null ? null : body.reason(), me));
    }

    /** The reflections on a session, for anyone who may see the session. */
    @Operation(operationId = "listReflections", summary = "The reflections written after a session")
    @GetMapping("/sessions/{id}/reflections")
    List<ReflectionView> reflections(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        Session s = sessions.visibleTo(new SessionId(id), me);
        return reflections.of(s.id()).stream().map(ReflectionView::of).toList();
    }

    /** The caller's reflection: what they learned, one change, and with {@code actionDueOn} an action item. */
    @Operation(operationId = "writeReflection", summary = "Write your reflection on a session: what you learned and one change")
    @PostMapping("/sessions/{id}/reflections")
    @ResponseStatus(HttpStatus.CREATED)
    ReflectionView reflect(@PathVariable UUID id, @RequestBody Reflections.NewReflection body,
            @AuthenticationPrincipal SignedInPerson me) {
        return ReflectionView.of(reflections.write(new SessionId(id), body, me));
    }

    /** Offers with a seat left, soonest first. */
    @Operation(operationId = "listTrainingOffers", summary = "Offers to teach with a seat left, soonest first")
    @GetMapping("/offers")
    List<OfferView> offers() {
        return offers.open().stream().map(OfferView::of).toList();
    }

    /** The same list as CSV. */
    @GetMapping(path = "/offers", produces = CsvDownloads.TEXT_CSV)
    void offersCsv(HttpServletResponse response) throws IOException {
        csv.send(response, "cross-training-offers.csv", OfferView.class, CsvWriter.Rows.of(offers()));
    }

    @Operation(operationId = "offerTraining", summary = "Offer to teach something")
    @PostMapping("/offers")
    @ResponseStatus(HttpStatus.CREATED)
    OfferView offer(@RequestBody Offers.NewOffer body, @AuthenticationPrincipal SignedInPerson me) {
        return OfferView.of(offers.offer(body, me));
    }

    /** The caller takes a seat; the answer is the session they are now in. */
    @Operation(operationId = "bookTrainingOffer", summary = "Take a seat in an offered session")
    @PostMapping("/offers/{id}/bookings")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView book(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(offers.book(new OfferId(id), me));
    }

    @Operation(operationId = "withdrawTrainingOffer", summary = "Withdraw your offer")
    @PostMapping("/offers/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawOffer(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        offers.withdraw(new OfferId(id), me);
    }

    /** Open asks, oldest first. */
    @Operation(operationId = "listTrainingAsks", summary = "Open asks to learn, oldest first")
    @GetMapping("/asks")
    List<AskView> asks() {
        return offerStore.openAsks().stream().map(AskView::of).toList();
    }

    /** The same list as CSV. */
    @GetMapping(path = "/asks", produces = CsvDownloads.TEXT_CSV)
    void asksCsv(HttpServletResponse response) throws IOException {
        csv.send(response, "cross-training-asks.csv", AskView.class, CsvWriter.Rows.of(asks()));
    }

    @Operation(operationId = "askForTraining", summary = "Ask to learn something")
    @PostMapping("/asks")
    @ResponseStatus(HttpStatus.CREATED)
    AskView ask(@RequestBody Offers.NewAsk body, @AuthenticationPrincipal SignedInPerson me) {
        return AskView.of(offers.ask(body, me));
    }

    @Operation(operationId = "matchTrainingAsk", summary = "Take up an ask, which plans a session")
    @PostMapping("/asks/{id}/match")
    @ResponseStatus(HttpStatus.CREATED)
    SessionView match(@PathVariable UUID id, @RequestBody MatchRequest body, @AuthenticationPrincipal SignedInPerson me) {
        return SessionView.of(offers.match(new AskId(id), body.offerId() == null ? null : new OfferId(body.offerId()), me));
    }

    @Operation(operationId = "withdrawTrainingAsk", summary = "Withdraw your ask")
    @PostMapping("/asks/{id}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawAsk(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        offers.withdraw(new AskId(id), me);
    }

    /** The matrix with its gaps against the target, and the pairing suggestions with their reasons. */
    @Operation(operationId = "getTrainingCoverage", summary = "The coverage matrix with its gaps and the pairing suggestions")
    @GetMapping("/coverage")
    CoverageView coverage() {
        Coverage.Matrix m = coverage.matrix();
        List<RowView> rows = new java.util.ArrayList<>(m.marketers().stream().map(RowView::of).toList());
        rows.addAll(m.reps().stream().map(RowView::of).toList());
        return new CoverageView(m.coveragePercent(), Coverage.SEEN_TARGET, rows,
                m.roles().stream().map(r -> new RoleView(r.department().name(), r.role(), r.people(), r.seenBy(), r.hosts(),
                        r.meetsTarget(), r.meetsTarget() ? null : r.gap())).toList(),
                m.seenNothing().stream().map(r -> r.person().id()).toList(),
                pairings.suggestions(m).stream().map(s -> new SuggestionView(s.learner().id(), s.learner().displayName(),
                        s.host().id(), s.host().displayName(), s.role(), s.gap(), s.overlapHours(), s.budgetLeft(),
                        s.reason())).toList());
    }

    /** The effect on handoffs (difference in differences, with the counts), coverage, hours and reflections. */
    @Operation(operationId = "getCrossTrainingMeasures", summary = "Cross-training's effect on handoffs, coverage, hours and reflections")
    @GetMapping("/measures")
    Measures.Report measures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return measures.report(from, to);
    }

    /** The default and every enabled person's budget this quarter, with hours spent and planned. */
    @Operation(operationId = "listTrainingBudgets", summary = "The default and each person's cross-training budget this quarter")
    @GetMapping("/budgets")
    BudgetsView budgets() {
        return new BudgetsView(budgets.defaultHours(), List.copyOf(budgets.of(directory.enabledPeople()).values()));
    }

    @Operation(operationId = "setDefaultTrainingBudget", summary = "Set the default cross-training budget")
    @PutMapping("/budgets/default")
    BudgetsView setDefault(@RequestBody BudgetRequest body) {
        budgets.setDefault(body.hours());
        return budgets();
    }

    @Operation(operationId = "setTrainingBudget", summary = "Set a person's cross-training budget")
    @PutMapping("/budgets/{id}")
    Budgets.Budget setBudget(@PathVariable("id") UUID personId, @RequestBody BudgetRequest body,
            @AuthenticationPrincipal SignedInPerson me) {
        PersonId person = new PersonId(personId);
        budgets.set(person, body.hours(), Boolean.TRUE.equals(body.useDefault()), me);
        return budgets.of(directory.person(person).orElseThrow());
    }
}
