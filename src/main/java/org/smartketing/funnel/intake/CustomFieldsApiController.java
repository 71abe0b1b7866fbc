package org.smartketing.funnel.intake;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.smartketing.shared.PlainText;
import org.smartketing.team.AuditLog;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** The lead fields an admin adds: everyone may read them, admins define them. */
@RestController
@RequestMapping("/api/v1/custom-fields")
@Tag(name = "Custom fields")
class CustomFieldsApiController {

    record NewField(
            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "must be 1 to 40 lower-case letters, digits or _, starting with a letter") String key,
            @NotBlank @Size(max = 80) @PlainText String label, @NotNull CustomFields.Kind kind,
            @Size(max = 100) List<@Size(max = 80) String> options) {
    }

    record FieldChange(@Size(min = 1, max = 80) @PlainText String label, @Size(max = 100) List<@Size(max = 80) String> options,
            Boolean active) {
    }

    private final CustomFields fields;
    private final AuditLog audit;
    private final Clock clock;

    CustomFieldsApiController(CustomFields fields, AuditLog audit, Clock clock) {
        this.fields = fields;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listCustomFields", summary = "List the custom lead fields")
    List<CustomFields.CustomField> list() {
        return fields.all();
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(operationId = "addCustomField", summary = "Add a custom lead field")
    ResponseEntity<CustomFields.CustomField> define(@Valid @RequestBody NewField field) {
        CustomFields.CustomField created = fields.define(field.key(), field.label(), field.kind(), field.options(),
                clock.instant());
        audit.record("custom-field", created.key(), "created", null, Map.of("label", created.label(), "kind", created.kind().name()));
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + created.key())).body(created);
    }

    @PatchMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(operationId = "changeCustomField", summary = "Rename a custom lead field, change its options or switch it off")
    CustomFields.CustomField change(@PathVariable String key, @Valid @RequestBody FieldChange change) {
        CustomFields.CustomField before = fields.byKey(key).orElse(null);
        CustomFields.CustomField after = fields.change(key, change.label(), change.options(), change.active());
        audit.record("custom-field", key, "updated", before, after);
        return after;
    }

    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{key}")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    @Operation(operationId = "removeCustomField", summary = "Remove a custom lead field (the leads' values for it are kept, unshown)")
    ResponseEntity<Void> remove(@PathVariable String key) {
        fields.remove(key);
        audit.record("custom-field", key, "deleted", null, null);
        return ResponseEntity.noContent().build();
    }
}
