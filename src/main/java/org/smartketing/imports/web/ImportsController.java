package org.smartketing.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.funnel.LeadImports;
import org.smartketing.imports.mapping.Presets;
import org.smartketing.imports.running.ImportJob;
import org.smartketing.imports.running.ImportJobs;
import org.smartketing.imports.running.Importing;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: upload a file, map its columns (a select per column), preview, dry run, start,
 * follow the progress, cancel, read the summary, undo. Every step is a plain form; the progress
 * bar moves by itself with static/js/imports.js.
 */
@Controller
@RequestMapping("/imports")
class ImportsController {

    /** A page shows a select for this many columns at most; the rest keep the mapping proposed for them. */
    static final int COLUMNS_SHOWN = 300;

    private final Importing importing;
    private final ImportJobs jobs;
    private final Clock clock;

    ImportsController(Importing importing, ImportJobs jobs, Clock clock) {
        this.importing = importing;
        this.jobs = jobs;
        this.clock = clock;
    }

    @GetMapping
    String imports(@AuthenticationPrincipal SignedInPerson me, Model model) {
        ImportViews.requireImporter(me);
        model.addAttribute("imports", jobs.newest(20).stream().map(j -> ImportViews.status(j, List.of(), clock.instant()))
                .toList());
        model.addAttribute("policies", LeadImports.Policy.values());
        model.addAttribute("mappings", jobs.mappings());
        return "imports/imports";
    }

    @PostMapping
    String upload(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String encoding, @RequestParam(required = false) String delimiter,
            @RequestParam(required = false) String policy, @RequestParam(required = false) String savedMapping,
            @RequestParam(required = false) String kind, @AuthenticationPrincipal SignedInPerson me) throws IOException {
        ImportViews.requireImporter(me);
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() && file.isEmpty()) {
            throw new InvalidFieldException("file", "is required: choose the CSV file to import");
        }
        Importing.Choices choices = new Importing.Choices(null, blank(savedMapping) ? null : savedMapping,
                ImportViews.policy(policy), null, null);
        try (InputStream content = file.getInputStream()) {
            Importing.Upload upload = importing.upload(content, file.getOriginalFilename(), ImportViews.kind(kind),
                    blank(encoding) ? null : encoding, blank(delimiter) ? null : delimiter, choices, me.id());
            return "redirect:/imports/" + upload.job().id();
        }
    }

    @GetMapping("/{id}")
    String job(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        ImportViews.requireImporter(me);
        ImportJob job = importing.job(id);
        model.addAttribute("job", job);
        model.addAttribute("leadsFile", job.kind() == ImportJob.Kind.LEADS);
        model.addAttribute("status", ImportViews.status(job, jobs, clock.instant()));
        model.addAttribute("policies", LeadImports.Policy.values());
        model.addAttribute("targets", importing.targets(job.kind()).stream().filter(t -> !t.name().endsWith(".")).toList());
        model.addAttribute("columns", job.header().subList(0, Math.min(job.header().size(), COLUMNS_SHOWN)));
        model.addAttribute("hiddenColumns", Math.max(0, job.header().size() - COLUMNS_SHOWN));
        if (job.state() == ImportJob.State.UPLOADED) {
            model.addAttribute("preview", importing.preview(job));
        }
        return "imports/import";
    }

    /** The progress as the page's script reads it. */
    @GetMapping("/{id}/status")
    @ResponseBody
    ImportViews.Status status(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        return ImportViews.status(importing.job(id), List.of(), clock.instant());
    }

    @GetMapping("/{id}/errors")
    void errors(@PathVariable UUID id, @RequestParam(required = false) String phase,
            @AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        ImportViews.requireImporter(me);
        ImportViews.writeErrors(importing.job(id), ImportViews.phase(phase), jobs, response);
    }

    @PostMapping("/{id}/mapping")
    String map(@PathVariable UUID id, @RequestParam(name = "target", required = false) List<String> targets,
            @RequestParam(required = false) String policy, @RequestParam(required = false) String saveMappingAs,
            @RequestParam(required = false) String route, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes flash) {
        ImportViews.requireImporter(me);
        importing.choose(id, choices(id, targets, policy, saveMappingAs, route), me.id());
        flash.addFlashAttribute("flash", "The mapping is saved; the preview shows the rows with it.");
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/dry-run")
    String dryRun(@PathVariable UUID id, @RequestParam(name = "target", required = false) List<String> targets,
            @RequestParam(required = false) String policy, @RequestParam(required = false) String saveMappingAs,
            @RequestParam(required = false) String route, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes flash) {
        ImportViews.requireImporter(me);
        Importing.DryRun result = importing.dryRun(id, choices(id, targets, policy, saveMappingAs, route), me.id());
        flash.addFlashAttribute("flash", result.failed() == 0 ? "Checked " + result.rows() + " rows: every one can be imported."
                : "Checked " + result.rows() + " rows: " + result.failed() + " cannot be imported as they are (listed below).");
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/start")
    String start(@PathVariable UUID id, @RequestParam(name = "target", required = false) List<String> targets,
            @RequestParam(required = false) String policy, @RequestParam(required = false) String saveMappingAs,
            @RequestParam(required = false) String route, @AuthenticationPrincipal SignedInPerson me) {
        ImportViews.requireImporter(me);
        importing.start(id, choices(id, targets, policy, saveMappingAs, route), me.id());
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes flash) {
        ImportViews.requireImporter(me);
        importing.cancel(id);
        flash.addFlashAttribute("flash", "The import is cancelled; what it imported so far stays, and can be undone.");
        return "redirect:/imports/" + id;
    }

    @PostMapping("/{id}/undo")
    String undo(@PathVariable UUID id, @RequestParam(required = false) String confirm,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes flash) {
        ImportViews.requireImporter(me);
        if (!"yes".equals(confirm)) {
            throw new InvalidFieldException("confirm", "tick the box to confirm the undo");
        }
        LeadImports.UndoneImport undone = importing.undo(id);
        flash.addFlashAttribute("flash", importing.job(id).kind() == ImportJob.Kind.ACTIVITIES
                ? "Undone: " + undone.removed() + " imported activities removed."
                : "Undone: " + undone.removed() + " new leads removed, " + undone.restored() + " changed leads put back.");
        return "redirect:/imports/" + id;
    }

    /**
     * The selects in column order (one per column shown; blank: not imported); columns not shown keep
     * theirs. The routing box is sent (as {@code route}) only when ticked: not sent means off.
     */
    private Importing.Choices choices(UUID id, List<String> targets, String policy, String saveMappingAs,
            String route) {
        Boolean routed = switch (route == null ? "off" : route) {
            case "on", "true", "yes" -> Boolean.TRUE;
            case "off", "false", "no" -> Boolean.FALSE;
            default -> throw new InvalidFieldException("route", "must be on or off");
        };
        LeadImports.Policy chosen = ImportViews.policy(policy);
        if (saveMappingAs != null && saveMappingAs.strip().length() > 120) {
            throw new InvalidFieldException("saveMappingAs", "must be at most 120 characters");
        }
        if (targets == null) {
            return new Importing.Choices(null, null, chosen, saveMappingAs, routed);
        }
        ImportJob job = importing.job(id);
        List<String> names = importing.targets(job.kind()).stream().map(LeadImports.Target::name).toList();
        Map<String, String> mapping = new LinkedHashMap<>(job.mapping());
        for (int i = 0; i < Math.min(targets.size(), job.header().size()); i++) {
            String target = targets.get(i) == null ? "" : targets.get(i).strip();
            if (!target.isEmpty() && !Presets.known(names, target)) {
                throw new InvalidFieldException("target", "is not a field of ours: " + target);
            }
            mapping.put(job.header().get(i), target.isEmpty() ? null : target);
        }
        return new Importing.Choices(mapping, null, chosen, saveMappingAs, routed);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

}
