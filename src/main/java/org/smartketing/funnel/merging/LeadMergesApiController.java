package org.smartketing.funnel.merging;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.api.LeadView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Likely duplicates, merging two leads into one, undoing a merge, and saying two leads are not one person. */
@RestController
@Tag(name = "Lead merges")
class LeadMergesApiController {

    record MergeRequest(@NotNull UUID otherId, @Size(max = 150) Map<@Size(max = 60) String, @Size(max = 10) String> keep) {
    }

    record PairView(LeadView lead, LeadView other, List<String> reasons) {
    }

    record QueueView(List<PairView> items, String nextCursor) {
    }

    record UndoneView(LeadView survivor, LeadView restored) {
    }

    record Dismissal(@NotNull UUID leadId, @NotNull UUID otherId) {
    }

    private final Duplicates duplicates;
    private final LeadMerging merging;
    private final org.smartketing.funnel.leads.Leads leads;

    LeadMergesApiController(Duplicates duplicates, LeadMerging merging, org.smartketing.funnel.leads.Leads leads) {
        this.duplicates = duplicates;
        this.merging = merging;
        this.leads = leads;
    }

    @GetMapping("/api/v1/leads/duplicates")
    @Operation(operationId = "listDuplicateLeads", summary = "List likely duplicate leads to review (same name and company, similar email), a page at a time")
    QueueView queue(@RequestParam(required = false) String cursor, @RequestParam(required = false) Integer size) {
        Duplicates.Page page = duplicates.find(cursor, size == null ? 20 : Math.max(1, Math.min(size, 100)));
        return new QueueView(page.pairs().stream().map(LeadMergesApiController::view).toList(), page.nextCursor());
    }

    @ApiResponse(responseCode = "204", description = "Dismissed")
    @PostMapping("/api/v1/leads/duplicates/dismissals")
    @Operation(operationId = "dismissDuplicate", summary = "Say two leads are not the same person, so the duplicates queue leaves them out")
    ResponseEntity<Void> dismiss(@Valid @RequestBody Dismissal dismissal) {
        duplicates.dismiss(new LeadId(dismissal.leadId()), new LeadId(dismissal.otherId()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/leads/{id}/merge")
    @Operation(operationId = "mergeLeads", summary = "Merge another lead into this one, keeping the chosen value per field; undoable for 7 days")
    LeadView merge(@PathVariable UUID id, @Valid @RequestBody MergeRequest request) {
        return LeadView.of(merging.merge(new LeadId(id), new LeadId(request.otherId()), request.keep()));
    }

    @PostMapping("/api/v1/leads/{id}/merge/undo")
    @Operation(operationId = "undoLeadMerge", summary = "Undo the latest merge into this lead: both leads as they were before it")
    UndoneView undo(@PathVariable UUID id) {
        LeadView restored = LeadView.of(merging.undo(new LeadId(id)));
        return new UndoneView(LeadView.of(leads.byId(new LeadId(id)).orElseThrow()), restored);
    }

    private static PairView view(Duplicates.Pair pair) {
        return new PairView(LeadView.of(pair.lead()), LeadView.of(pair.other()), pair.reasons());
    }
}
