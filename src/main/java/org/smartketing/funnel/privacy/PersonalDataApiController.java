package org.smartketing.funnel.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.SuppressionList;
import org.smartketing.shared.PlainText;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A person's data on request, over JSON: the export and erase of one lead (admins), withdrawing
 * their consent (whoever may change the lead), and the suppression list with its setting (admins).
 */
@RestController
@Tag(name = "Personal data")
class PersonalDataApiController {

    /** @param how how the withdrawal came, e.g. "reply to the newsletter" */
    record ConsentWithdrawal(@Size(max = 200) @PlainText String how) {
    }

    /** An email and/or a phone (with its country code, or the country to read it in). */
    record NewSuppression(@org.smartketing.shared.EmailAddress String email, @Size(max = 60) @PlainText String phone,
            @Size(max = 80) @PlainText String country) {
    }

    /** What an entry says: its kind and why, never the value (only its salted digest is kept). */
    record SuppressionView(UUID id, SuppressionList.Kind kind, SuppressionList.Reason reason, Instant addedAt, UUID addedBy) {

        static SuppressionView of(SuppressionList.Entry e) {
            return new SuppressionView(e.id(), e.kind(), e.reason(), e.addedAt(), e.addedBy());
        }
    }

    /** @param reIntake what intake, imports and web forms do with a person on the list */
    record SuppressionSettings(@NotNull SuppressionList.ReIntake reIntake) {
    }

    record SuppressionListView(SuppressionList.ReIntake reIntake, List<SuppressionView> entries) {
    }

    private final PersonalDataRequests requests;
    private final SuppressionList suppression;

    PersonalDataApiController(PersonalDataRequests requests, SuppressionList suppression) {
        this.requests = requests;
        this.suppression = suppression;
    }

    @GetMapping("/api/v1/leads/{id}/personal-data")
    @Operation(operationId = "getPersonalData", summary = "Everything Smartketing holds about a lead as a person, by part of the product")
    ResponseEntity<Map<String, Object>> export(@PathVariable UUID id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"personal-data-" + id + ".json\"").body(requests.export(new LeadId(id)));
    }

    @DeleteMapping("/api/v1/leads/{id}/personal-data")
    @Operation(operationId = "erasePersonalData", summary = "Erase a lead's personal data in every part and put the person on the suppression list (no undo)")
    PersonalDataRequests.Erasure erase(@PathVariable UUID id) {
        return requests.erase(new LeadId(id));
    }

    @PostMapping("/api/v1/leads/{id}/consent/withdraw")
    @Operation(operationId = "withdrawConsent", summary = "Record that the lead withdrew their consent to marketing, whatever their stage")
    Map<String, Object> withdrawConsent(@PathVariable UUID id, @Valid @RequestBody(required = false) ConsentWithdrawal body) {
        return requests.withdrawConsent(new LeadId(id), body == null ? null : body.how());
    }

    @GetMapping("/api/v1/suppression-list")
    @Operation(operationId = "getSuppressionList", summary = "The suppression list (kinds and dates only) and what intake does with a person on it")
    SuppressionListView list() {
        return new SuppressionListView(suppression.reIntake(),
                suppression.entries().stream().map(SuppressionView::of).toList());
    }

    @PostMapping("/api/v1/suppression-list")
    @Operation(operationId = "addToSuppressionList", summary = "Put a person on the suppression list by their email and/or phone")
    @ApiResponse(responseCode = "201", description = "Added: the entries made")
    @ApiResponse(responseCode = "200", description = "Already on the list: nothing added")
    ResponseEntity<List<SuppressionView>> add(@Valid @RequestBody NewSuppression body,
            @AuthenticationPrincipal SignedInPerson me) {
        List<SuppressionView> added = suppression.addByHand(body.email(), body.phone(), body.country(), me.id().value())
                .stream().map(SuppressionView::of).toList();
        return ResponseEntity.status(added.isEmpty() ? 200 : 201).body(added);
    }

    @DeleteMapping("/api/v1/suppression-list/{id}")
    @Operation(operationId = "removeFromSuppressionList", summary = "Take an entry off the suppression list: the person may come in again")
    @ApiResponse(responseCode = "204", description = "Removed")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        suppression.remove(id);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/api/v1/suppression-list/settings")
    @Operation(operationId = "changeSuppressionSettings", summary = "Choose whether intake refuses a person on the list or stores them anonymised")
    SuppressionSettings settings(@Valid @RequestBody SuppressionSettings body) {
        suppression.reIntake(body.reIntake());
        return new SuppressionSettings(suppression.reIntake());
    }
}
