package org.smartketing.imports.web;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.funnel.LeadImports;
import org.smartketing.imports.running.ImportJob;
import org.smartketing.imports.running.ImportJobs;
import org.smartketing.imports.running.Importing;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** CSV imports over the API: upload, dry run, start, progress, cancel, undo. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportsApiController {

    /**
     * What a dry run or a start may change: the mapping (or a saved one by name), the policy, a name
     * to save it under, and (leads only) whether the MQLs the import makes are routed.
     */
    record ChoicesBody(Map<String, String> mapping, String savedMapping, String policy, String saveMappingAs,
            Boolean route) {
    }

    record DryRunResult(UUID id, long rows, long failed, List<ImportViews.Error> errors, String errorsCsv) {
    }

    private static final TypeReference<Map<String, String>> MAPPING = new TypeReference<>() {
    };

    private final Importing importing;
    private final ImportJobs jobs;
    private final JsonMapper json;
    private final Clock clock;

    ImportsApiController(Importing importing, ImportJobs jobs, JsonMapper json, Clock clock) {
        this.importing = importing;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @Operation(operationId = "uploadImport", summary = "Upload a CSV file to import: its encoding, delimiter, columns, proposed mapping and preview")
    @PostMapping
    ResponseEntity<ImportViews.Uploaded> upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String policy, @RequestParam(required = false) String encoding,
            @RequestParam(required = false) String delimiter, @RequestParam(required = false) String saveMappingAs,
            @AuthenticationPrincipal SignedInPerson me) throws IOException {
        ImportViews.requireImporter(me);
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw new InvalidFieldException("file", "is required: the CSV file to import");
        }
        Importing.Choices choices = choices(mapping, policy, saveMappingAs);
        Importing.Upload upload;
        try (var content = file.getInputStream()) {
            upload = importing.upload(content, file.getOriginalFilename(), ImportViews.kind(kind), encoding, delimiter,
                    choices, me.id());
        }
        ImportJob j = upload.job();
        return ResponseEntity.created(URI.create("/api/v1/imports/" + j.id())).body(new ImportViews.Uploaded(j.id(),
                j.state().name(), j.fileName(), j.encoding(), ImportViews.delimiterName(j.delimiter()), j.header(),
                upload.preset(), j.mapping(), ImportViews.policyName(j.policy()), upload.preview(),
                importing.targets(j.kind())));
    }

    @Operation(operationId = "getImport", summary = "An import's state, progress, summary and first bad lines")
    @GetMapping("/{id}")
    ImportViews.Status status(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return ImportViews.status(importing.job(id), jobs, clock.instant());
    }

    @Operation(operationId = "listImports", summary = "The newest imports")
    @GetMapping
    List<ImportViews.Status> list(@AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return jobs.newest(50).stream().map(j -> ImportViews.status(j, List.of(), clock.instant())).toList();
    }

    @Operation(operationId = "dryRunImport", summary = "Check every row of the file as the import would, writing nothing")
    @PostMapping("/{id}/dry-run")
    DryRunResult dryRun(@PathVariable UUID id, @RequestBody(required = false) ChoicesBody body,
            @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        Importing.DryRun result = importing.dryRun(id, choices(body), me.id());
        return new DryRunResult(id, result.rows(), result.failed(),
                jobs.errors(id, ImportJobs.Phase.CHECK, 0, ImportViews.ERRORS_SHOWN).stream()
                        .map(e -> new ImportViews.Error(e.line(), e.column(), e.value(), e.message())).toList(),
                "/api/v1/imports/" + id + "/errors?phase=dry-run");
    }

    @Operation(operationId = "getImportErrors", summary = "Every bad line of the dry run or of the import, as CSV (line, column, value, message)")
    @GetMapping(value = "/{id}/errors", produces = "text/csv")
    void errors(@PathVariable UUID id, @RequestParam(defaultValue = "import") String phase,
            @AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        ImportViews.requireImporter(me);
        ImportJobs.Phase which = ImportViews.phase(phase);
        ImportViews.writeErrors(importing.job(id), which, jobs, response);
    }

    @ApiResponse(responseCode = "202", description = "Started; follow its progress at /api/v1/imports/{id}")
    @Operation(operationId = "startImport", summary = "Start the import (without a body: the proposed mapping, creating and filling in blanks)")
    @PostMapping("/{id}/start")
    ResponseEntity<ImportViews.Status> start(@PathVariable UUID id, @RequestBody(required = false) ChoicesBody body,
            @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        ImportJob job = importing.start(id, choices(body), me.id());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ImportViews.status(job, List.of(), clock.instant()));
    }

    @Operation(operationId = "cancelImport", summary = "Stop a running import after the chunk it is on; what it wrote stays and can be undone")
    @PostMapping("/{id}/cancel")
    ImportViews.Status cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return ImportViews.status(importing.cancel(id), List.of(), clock.instant());
    }

    @Operation(operationId = "undoImport", summary = "Undo an import within 7 days: its new leads (or activities) "
            + "removed, changed leads put back, its touches removed")
    @PostMapping("/{id}/undo")
    LeadImports.UndoneImport undo(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return importing.undo(id);
    }

    @Operation(operationId = "listImportMappings", summary = "The mappings saved by name")
    @GetMapping("/mappings")
    List<ImportJobs.SavedMapping> mappings(@AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return jobs.mappings();
    }

    private Importing.Choices choices(ChoicesBody body) {
        if (body == null) {
            return Importing.Choices.NONE;
        }
        return new Importing.Choices(body.mapping(), body.savedMapping(), ImportViews.policy(body.policy()),
                body.saveMappingAs(), body.route());
    }

    /** The upload's mapping parameter: a JSON object (column to field) or the name of a saved mapping. */
    private Importing.Choices choices(String mapping, String policy, String saveMappingAs) {
        Map<String, String> chosen = null;
        String saved = null;
        if (mapping != null && !mapping.isBlank()) {
            if (mapping.strip().startsWith("{")) {
                try {
                    chosen = json.readValue(mapping, MAPPING);
                }
                catch (JacksonException ex) {
                    throw new InvalidFieldException("mapping", "must be a JSON object of column names to fields, or a saved mapping's name");
                }
            }
            else {
                saved = mapping;
            }
        }
        return new Importing.Choices(chosen, saved, ImportViews.policy(policy), saveMappingAs, null);
    }
}
