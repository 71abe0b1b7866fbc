package org.smartketing.funnel.intake;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
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

/** Website forms over JSON, for admins: register one, read its key and snippet, change it, switch it off. */
@RestController
@RequestMapping("/api/v1/web-forms")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Website forms")
class WebFormsApiController {

    static final String HOST = "[A-Za-z0-9.-]{1,253}";

    record NewWebForm(@NotBlank @Size(max = 120) @PlainText String name,
            @NotEmpty @Size(max = 20) List<@Pattern(regexp = HOST, message = "must be a host name such as www.example.com") String> returnHosts,
            @Size(max = 80) @PlainText String source, UUID campaignId,
            @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z0-9_]{1,40}", message = "must be a form field name") String, String> fieldMap) {
    }

    record WebFormChange(@Size(min = 1, max = 120) @PlainText String name,
            @Size(min = 1, max = 20) List<@Pattern(regexp = HOST, message = "must be a host name such as www.example.com") String> returnHosts,
            @Size(max = 80) @PlainText String source, UUID campaignId,
            @Size(max = 100) Map<@Pattern(regexp = "[A-Za-z0-9_]{1,40}", message = "must be a form field name") String, String> fieldMap,
            Boolean active) {
    }

    record WebFormView(UUID id, String key, String name, List<String> returnHosts, String source, UUID campaignId,
            Map<String, String> fieldMap, boolean active, String snippet) {
    }

    private final WebForms forms;
    private final Campaigns campaigns;
    private final CustomFields customFields;
    private final WebFormSnippet snippets;
    private final AuditLog audit;
    private final Clock clock;

    WebFormsApiController(WebForms forms, Campaigns campaigns, CustomFields customFields, WebFormSnippet snippets,
            AuditLog audit, Clock clock) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.customFields = customFields;
        this.snippets = snippets;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "listWebForms", summary = "List the website forms")
    List<WebFormView> list() {
        return forms.all().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebForm", summary = "Read a website form with its key and snippet")
    WebFormView get(@PathVariable UUID id) {
        return view(find(id));
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @Transactional
    @Operation(operationId = "createWebForm", summary = "Register a website form that may post leads")
    ResponseEntity<WebFormView> create(@Valid @RequestBody NewWebForm form) {
        check(form.campaignId(), form.fieldMap());
        WebForms.WebForm created = forms.create(form.name(), form.returnHosts(), form.source(), form.campaignId(),
                form.fieldMap() == null ? Map.of() : form.fieldMap(), clock.instant());
        audit.record("web-form", created.id(), "created", null, Map.of("name", created.name(), "hosts", created.allowedHosts()));
        return ResponseEntity.created(URI.create("/api/v1/web-forms/" + created.id())).body(view(created));
    }

    @PatchMapping("/{id}")
    @Transactional
    @Operation(operationId = "changeWebForm", summary = "Change a website form or switch it off (its key stays)")
    WebFormView change(@PathVariable UUID id, @Valid @RequestBody WebFormChange change) {
        WebForms.WebForm before = find(id);
        check(change.campaignId(), change.fieldMap());
        WebForms.WebForm after = forms.change(new WebForms.WebForm(id, before.key(), or(change.name(), before.name()),
                or(change.returnHosts(), before.allowedHosts()), or(change.source(), before.source()),
                or(change.campaignId(), before.campaignId()), or(change.fieldMap(), before.fieldMap()),
                or(change.active(), before.active()), before.createdAt()), clock.instant());
        audit.record("web-form", id, "updated", view(before), view(after));
        return view(after);
    }

    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    @Transactional
    @Operation(operationId = "removeWebForm", summary = "Remove a website form: its key stops working, its leads stay")
    ResponseEntity<Void> remove(@PathVariable UUID id) {
        WebForms.WebForm before = find(id);
        forms.remove(id);
        audit.record("web-form", id, "deleted", Map.of("name", before.name()), null);
        return ResponseEntity.noContent().build();
    }

    private void check(UUID campaignId, Map<String, String> fieldMap) {
        if (campaignId != null && !campaigns.exists(campaignId)) {
            throw new InvalidFieldException("campaignId", "there is no campaign with this id");
        }
        if (fieldMap != null) {
            fieldMap.forEach((formField, key) -> {
                if (customFields.byKey(key).isEmpty()) {
                    throw new InvalidFieldException("fieldMap." + formField, "there is no custom field with the key " + key);
                }
            });
        }
    }

    private WebForms.WebForm find(UUID id) {
        return forms.byId(id).orElseThrow(() -> new NotFoundException("Website form " + id));
    }

    private WebFormView view(WebForms.WebForm f) {
        return new WebFormView(f.id(), f.key(), f.name(), f.allowedHosts(), f.source(), f.campaignId(), f.fieldMap(),
                f.active(), snippets.of(f));
    }

    private static <T> T or(T change, T current) {
        return change != null ? change : current;
    }
}
