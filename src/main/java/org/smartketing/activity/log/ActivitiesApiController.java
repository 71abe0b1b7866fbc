package org.smartketing.activity.log;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityCorrection;
import org.smartketing.activity.ActivityId;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.PlainText;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.shared.CsvDownloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The activity log over JSON: any token reads; a read-write token logs, corrects and removes, for
 * its owner or, when the owner is a manager or admin, for someone else.
 */
@RestController
@Tag(name = "Activities")
@RequestMapping("/api/v1/activities")
class ActivitiesApiController {

    /** The body of a POST; {@code personId} defaults to the token's owner, {@code occurredAt} to now. */
    record ActivityRequest(
            @NotNull @LoggedByHand ActivityType type,
            UUID personId,
            Instant occurredAt,
            @Size(max = 500) @PlainText String outcome,
            UUID leadId,
            UUID campaignId) {
    }

    record ActivityView(UUID id, ActivityType type, Department department, UUID personId, Instant occurredAt,
            String outcome, UUID leadId, UUID campaignId, ActivitySource source, Instant recordedAt) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.id().value(), a.type(), a.type().department(), a.personId().value(),
                    a.occurredAt(), a.outcome(), a.leadId(), a.campaignId(), a.source(), a.recordedAt());
        }
    }

    /** A member's token naming someone else: refused as 403, naming the field. */
    static class ForSomeoneElse extends RuntimeException {

        ForSomeoneElse() {
            super("only managers and admins may log or change activities for someone else");
        }
    }

    private final Activities activities;
    private final ActivityLog log;
    private final Clock clock;
    private final ActivityExport export;

    ActivitiesApiController(Activities activities, ActivityLog log, Clock clock, ActivityExport export) {
        this.export = export;
        this.activities = activities;
        this.log = log;
        this.clock = clock;
    }

    @Operation(operationId = "listActivities", summary = "Find activities by type, person, lead and time, a page at a time")
    @GetMapping
    PageOf<ActivityView> list(@RequestParam(required = false) ActivityType type,
            @RequestParam(required = false) UUID personId, @RequestParam(required = false) UUID leadId,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return activities.page(new Activities.Filter(type, personId == null ? null : new PersonId(personId), leadId,
                from, to), PageOf.Request.of(page, size)).map(ActivityView::of);
    }

    /** The same list as CSV: every activity it finds, with the person's name beside their id. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) ActivityType type, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) UUID leadId, @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to, HttpServletResponse response) throws IOException {
        export.send(response, new Activities.Filter(type, personId == null ? null : new PersonId(personId), leadId,
                from, to));
    }

    @Operation(operationId = "getActivity", summary = "Read an activity")
    @GetMapping("/{id}")
    ActivityView get(@PathVariable UUID id) {
        return ActivityView.of(activities.byId(new ActivityId(id))
                .orElseThrow(() -> new NotFoundException("Activity " + id)));
    }

    @Operation(operationId = "logActivity", summary = "Log an activity")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<ActivityView> log(@Valid @RequestBody ActivityRequest body,
            @AuthenticationPrincipal SignedInPerson me) {
        PersonId who = body.personId() == null ? me.id() : new PersonId(body.personId());
        if (!who.equals(me.id()) && me.role() == AppRole.MEMBER) {
            throw new ForSomeoneElse();
        }
        Activity activity = log.log(new NewActivity(body.type(), who,
                body.occurredAt() == null ? clock.instant() : body.occurredAt(), body.outcome(), body.leadId(),
                body.campaignId(), ActivitySource.API));
        return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id()))
                .body(ActivityView.of(activity));
    }

    /** The body of a PUT: what the activity should have said; {@code personId} defaults to whose it is. */
    record CorrectionRequest(@NotNull @LoggedByHand ActivityType type, UUID personId, @NotNull Instant occurredAt) {
    }

    /** Corrects type, person or time; a member only their own activities, and keeps them their own. */
    @Operation(operationId = "correctActivity", summary = "Correct an activity's type, person or time")
    @PutMapping("/{id}")
    ActivityView correct(@PathVariable UUID id, @Valid @RequestBody CorrectionRequest body,
            @AuthenticationPrincipal SignedInPerson me) {
        Activity activity = mayChange(new ActivityId(id), me);
        PersonId who = body.personId() == null ? activity.personId() : new PersonId(body.personId());
        if (!who.equals(me.id()) && me.role() == AppRole.MEMBER) {
            throw new ForSomeoneElse();
        }
        return ActivityView.of(log.correct(activity.id(), new ActivityCorrection(body.type(), who, body.occurredAt())));
    }

    @Operation(operationId = "removeActivity", summary = "Remove an activity")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        log.remove(mayChange(new ActivityId(id), me).id());
        return ResponseEntity.noContent().build();
    }

    private Activity mayChange(ActivityId id, SignedInPerson me) {
        Activity activity = activities.byId(id).orElseThrow(() -> new NotFoundException("Activity " + id));
        if (!activity.personId().equals(me.id()) && me.role() == AppRole.MEMBER) {
            throw new ForSomeoneElse();
        }
        return activity;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> forSomeoneElse(ForSomeoneElse ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "personId: " + ex.getMessage());
        problem.setTitle("Forbidden");
        problem.setProperty("errors", List.of(Map.of("field", "personId", "message", ex.getMessage())));
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }
}
