package org.smartketing.funnel.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.intake.IdempotentResponses;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadEditing;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.intake.LeadRemoval;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.Money;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Secrets;
import org.smartketing.team.SignedInPerson;
import org.smartketing.shared.CsvDownloads;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import tools.jackson.databind.json.JsonMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Leads over JSON: intake (single, batch, idempotent), search, corrections, stage changes, history. */
@RestController
@RequestMapping("/api/v1/leads")
@Tag(name = "Leads")
class LeadsApiController {

    static final int MAX_BATCH = 1000;
    static final int BATCH_CHUNK = 100;

    record Batch(@NotNull @Size(max = MAX_BATCH) List<IncomingLead> leads) {
    }

    record FieldError(String field, String message) {
    }

    record ItemResult(int index, String status, UUID id, List<FieldError> errors) {
    }

    record BatchResult(int created, int merged, int rejected, List<ItemResult> results) {
    }

    record SliceView(List<LeadView> items, String nextCursor) {
    }

    record TransitionRequest(@NotNull Stage to, @Size(max = 500) String reason, LocalDate requalifyOn,
            BigDecimal amount, @Size(max = 3) String currency) {
    }

    record HistoryView(List<LeadHistory.StageEvent> stages, List<LeadHistory.Touch> touches) {
    }

    private final LeadIntake intake;
    private final LeadEditing editing;
    private final LeadRemoval removal;
    private final LeadStages stages;
    private final Leads leads;
    private final LeadHistory history;
    private final IdempotentResponses idempotent;
    private final Validator validator;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final LeadExport export;

    LeadsApiController(LeadIntake intake, LeadEditing editing, LeadRemoval removal, LeadStages stages, Leads leads, LeadHistory history,
            IdempotentResponses idempotent, Validator validator, JsonMapper json,
            java.time.Clock clock, LeadExport export) {
        this.export = export;
        this.intake = intake;
        this.editing = editing;
        this.removal = removal;
        this.stages = stages;
        this.leads = leads;
        this.history = history;
        this.idempotent = idempotent;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    /**
     * 201 with Location for a new lead; 200 with {@code "merged": true} when the lead was already
     * known. With an Idempotency-Key, a retry with the same body gets the same answer.
     */
    @Operation(operationId = "createLead", summary = "Take in a lead (or merge it into the one already known)")
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = LeadView.class)))
    @ApiResponse(responseCode = "200", description = "Already known: merged into that lead", content = @Content(schema = @Schema(implementation = LeadView.class)))
    @ApiResponse(responseCode = "422", ref = "#/components/responses/IdempotencyKeyReused")
    @PostMapping
    ResponseEntity<?> create(@Valid @RequestBody IncomingLead lead,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @AuthenticationPrincipal SignedInPerson me) {
        if (key == null) {
            return respond(intake.take(lead, LeadHistory.Channel.API));
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidFieldException("Idempotency-Key", "must be 1 to 200 visible ASCII characters");
        }
        String hash = Secrets.hash(json.writeValueAsString(lead));
        IdempotentResponses.Stored stored = intake.inTransaction(() -> idempotent.find(me.id().value(), key)
                .orElseGet(() -> {
                    ResponseEntity<LeadView> answer = respond(intake.takeWithin(lead, LeadHistory.Channel.API));
                    var saved = new IdempotentResponses.Stored(hash, answer.getStatusCode().value(),
                            answer.getHeaders().getFirst(HttpHeaders.LOCATION), json.writeValueAsString(answer.getBody()));
                    idempotent.store(me.id().value(), key, saved, clock.instant());
                    return saved;
                }));
        if (!stored.requestHash().equals(hash)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                    "This Idempotency-Key was already used with a different request body.");
            problem.setTitle("Idempotency-Key reused");
            return ResponseEntity.unprocessableContent().body(problem);
        }
        ResponseEntity.BodyBuilder replay = ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON);
        if (stored.location() != null) {
            replay.header(HttpHeaders.LOCATION, stored.location());
        }
        return replay.body(stored.body());
    }

    /** Up to 1,000 leads; one result each, in order: created, merged, or rejected with its field errors. */
    @Operation(operationId = "createLeads", summary = "Take in up to 1000 leads at once, each answered on its own")
    @PostMapping("/batch")
    BatchResult batch(@Valid @RequestBody Batch batch) {
        List<ItemResult> results = new ArrayList<>();
        for (int from = 0; from < batch.leads().size(); from += BATCH_CHUNK) {
            results.addAll(takeChunk(batch.leads(), from, Math.min(batch.leads().size(), from + BATCH_CHUNK)));
        }
        return new BatchResult(count(results, "created"), count(results, "merged"), count(results, "rejected"), results);
    }

    /**
     * A chunk of a batch in one transaction: a commit (a disk flush) per lead was what bounded a
     * batch. Should any lead of the chunk fail in any way, the chunk is undone and taken again one
     * lead per transaction, so a refused lead never leaves part of itself behind.
     */
    private List<ItemResult> takeChunk(List<IncomingLead> leads, int from, int to) {
        try {
            return intake.inTransaction(() -> {
                List<ItemResult> chunk = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    List<FieldError> invalid = invalid(leads.get(i));
                    if (!invalid.isEmpty()) {
                        chunk.add(new ItemResult(i, "rejected", null, invalid));
                        continue;
                    }
                    LeadIntake.Result result = intake.takeWithin(leads.get(i), LeadHistory.Channel.BATCH);
                    chunk.add(new ItemResult(i, result.merged() ? "merged" : "created", result.lead().id().value(), null));
                }
                return chunk;
            });
        }
        catch (RuntimeException ex) {
            List<ItemResult> chunk = new ArrayList<>();
            for (int i = from; i < to; i++) {
                chunk.add(takeOne(i, leads.get(i)));
            }
            return chunk;
        }
    }

    @Operation(operationId = "listLeads", summary = "Find leads by stage, owner, text and more, a page at a time")
    @GetMapping
    SliceView list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|score", message = "must be newest or score") String sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        int limit = size == null ? 50 : Math.max(1, Math.min(size, 200));
        Leads.Slice slice = leads.find(new Leads.Filter(stage, ownerId, source, campaignId, q, unassigned),
                sort.equals("score"), cursor, limit);
        return new SliceView(slice.items().stream().map(LeadView::of).toList(), slice.nextCursor());
    }

    /** The same list as CSV ({@code Accept: text/csv} or {@code ?format=csv}): every lead it finds, not a page. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) Stage stage, @RequestParam(required = false) UUID ownerId,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(defaultValue = "newest") @Pattern(regexp = "newest|score", message = "must be newest or score") String sort,
            HttpServletResponse response) throws IOException {
        CsvDownloads.send(response, LeadExport.fileName(), export.columns(),
                export.rows(new Leads.Filter(stage, ownerId, source, campaignId, q, unassigned), sort.equals("score")));
    }

    /** The lead as stored, with the score the lists show (kept current by scoring, never by reading). */
    @Operation(operationId = "getLead", summary = "Read a lead")
    @GetMapping("/{id}")
    LeadView get(@PathVariable UUID id) {
        return LeadView.of(find(id));
    }

    /** Changes the fields given; leaves the others as they are. */
    @PatchMapping("/{id}")
    @Operation(operationId = "changeLead", summary = "Change the fields given of a lead (a blank or absent field stays as it is)")
    LeadView change(@PathVariable UUID id, @Valid @RequestBody IncomingLead changes) {
        return LeadView.of(editing.change(new LeadId(id), changes));
    }

    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteLead", summary = "Delete a lead: it leaves every list at once and can be restored for 7 days")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        removal.delete(new LeadId(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/restore")
    @Operation(operationId = "restoreLead", summary = "Restore a lead deleted less than 7 days ago")
    LeadView restore(@PathVariable UUID id) {
        return LeadView.of(removal.restore(new LeadId(id)));
    }

    record OwnerChange(UUID ownerId) {
    }

    @PutMapping("/{id}/owner")
    @Operation(operationId = "reassignLead", summary = "Give a lead another owner, or none (ownerId null)")
    LeadView reassign(@PathVariable UUID id, @RequestBody OwnerChange change) {
        return LeadView.of(editing.reassign(new LeadId(id), change.ownerId()));
    }

    @Operation(operationId = "moveLeadToStage", summary = "Move a lead to another stage (accept, reject, qualify, win, lose …)")
    @PostMapping("/{id}/transitions")
    LeadView transition(@PathVariable UUID id, @Valid @RequestBody TransitionRequest request) {
        Money amount = Money.of(request.amount(), request.currency());
        return LeadView.of(stages.move(new LeadId(id),
                new Lead.Transition(request.to(), request.reason(), request.requalifyOn(), amount)));
    }

    @Operation(operationId = "getLeadHistory", summary = "A lead's stage changes and touches")
    @GetMapping("/{id}/history")
    HistoryView history(@PathVariable UUID id) {
        LeadId lead = find(id).id();
        return new HistoryView(history.stageEvents(lead), history.touches(lead));
    }

    /** 409 naming the stages the lead may move to from where it stands. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Lead.StageChangeRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Stage change not allowed");
        problem.setProperty("from", ex.from());
        problem.setProperty("allowed", ex.from().allowedNext());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private ItemResult takeOne(int index, IncomingLead lead) {
        List<FieldError> invalid = invalid(lead);
        if (!invalid.isEmpty()) {
            return new ItemResult(index, "rejected", null, invalid);
        }
        try {
            LeadIntake.Result result = intake.take(lead, LeadHistory.Channel.BATCH);
            return new ItemResult(index, result.merged() ? "merged" : "created", result.lead().id().value(), null);
        }
        catch (InvalidFieldException ex) {
            return new ItemResult(index, "rejected", null, List.of(new FieldError(ex.field(), ex.getMessage())));
        }
        catch (FieldConflictException ex) {
            return new ItemResult(index, "rejected", null, List.of(new FieldError(ex.field(), ex.getMessage())));
        }
    }

    /** The lead's field errors by its annotations; none means it may be taken. */
    private List<FieldError> invalid(IncomingLead lead) {
        if (lead == null) {
            return List.of(new FieldError("lead", "must not be null"));
        }
        Set<ConstraintViolation<IncomingLead>> violations = validator.validate(lead);
        return violations.stream().map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage())).toList();
    }

    private static ResponseEntity<LeadView> respond(LeadIntake.Result result) {
        LeadView view = LeadView.of(result.lead(), result.merged());
        return result.merged() ? ResponseEntity.ok(view)
                : ResponseEntity.created(URI.create("/api/v1/leads/" + result.lead().id())).body(view);
    }

    private static int count(List<ItemResult> results, String status) {
        return (int) results.stream().filter(r -> r.status().equals(status)).count();
    }

    private Lead find(UUID id) {
        return leads.byId(new LeadId(id)).orElseThrow(() -> new NotFoundException(leads.removed(new LeadId(id))
                .map(r -> r.mergedInto() != null ? "Lead " + id + " (merged into lead " + r.mergedInto() + ")"
                        : "Lead " + id + " (deleted; it can be restored until " + r.removedAt().plus(LeadRemoval.UNDO_WINDOW) + ")")
                .orElse("Lead " + id)));
    }
}
