package org.smartketing.funnel.pages;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityCounts;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.api.LeadExport;
import org.smartketing.funnel.intake.CustomFields;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.merging.Duplicates;
import org.smartketing.funnel.merging.LeadMerging;
import org.smartketing.funnel.routing.LeadRouter;
import org.smartketing.funnel.intake.LeadIntake;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.ListOrder;
import org.smartketing.funnel.scoring.LeadScoring;
import org.smartketing.funnel.sla.SlaClocks;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PlainText;
import org.smartketing.team.Department;
import org.smartketing.team.PersonSummary;
import org.smartketing.web.Times;
import org.springframework.format.annotation.DateTimeFormat;
import org.smartketing.team.SignedInPerson;
import org.smartketing.shared.CsvDownloads;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead list with its filters and saved views, manual entry, and each lead's page. */
@Controller
class LeadsController {

    static final int PAGE_SIZE = 25;

    record ViewName(@NotBlank @Size(max = 60) @PlainText String name) {
    }

    private final Leads leads;
    private final LeadHistory history;
    private final LeadIntake intake;
    private final SavedViews views;
    private final LeadPages names;
    private final Clock clock;
    private final ActivityCounts activities;
    private final LeadScoring scoring;
    private final SlaClocks clocks;
    private final LeadExport export;
    private final CustomFields customFields;
    private final LeadRouter router;
    private final Duplicates duplicates;
    private final LeadMerging merging;
    private final BulkChanges bulk;

    private final org.smartketing.funnel.leads.LeadPersonalData personalData;
    private final ActivityLog activityLog;
    private final Times times;

    LeadsController(Leads leads, LeadHistory history, LeadIntake intake, SavedViews views, LeadPages names, Clock clock,
            ActivityCounts activities, LeadScoring scoring, SlaClocks clocks, LeadExport export, CustomFields customFields,
            LeadRouter router, Duplicates duplicates, LeadMerging merging, BulkChanges bulk,
            org.smartketing.funnel.leads.LeadPersonalData personalData, ActivityLog activityLog, Times times) {
        this.activityLog = activityLog;
        this.times = times;
        this.bulk = bulk;
        this.personalData = personalData;
        this.export = export;
        this.customFields = customFields;
        this.router = router;
        this.duplicates = duplicates;
        this.merging = merging;
        this.scoring = scoring;
        this.clocks = clocks;
        this.activities = activities;
        this.leads = leads;
        this.history = history;
        this.intake = intake;
        this.views = views;
        this.names = names;
        this.clock = clock;
    }

    @GetMapping("/leads")
    String list(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "0") int seen,
            @AuthenticationPrincipal SignedInPerson me, HttpServletRequest request, Model model) {
        boolean nobody = "nobody".equals(owner);
        UUID ownerId = "me".equals(owner) ? me.id().value() : nobody ? null : parseOrNull(owner);
        ListOrder order = order(sort);
        Leads.Filter filter = new Leads.Filter(stage, ownerId, source, campaignId, q, nobody);
        Leads.Slice slice = leads.find(filter, order, cursor, PAGE_SIZE);
        boolean paged = cursor != null && !cursor.isBlank();
        model.addAttribute("leads", slice.items());
        model.addAttribute("nextCursor", slice.nextCursor());
        model.addAttribute("paged", paged);
        model.addAttribute("counts", ListCounts.of(leads.count(filter, ListCounts.MOST), paged ? Math.max(seen, 0) : 0,
                slice.items().size(), PAGE_SIZE));
        model.addAttribute("order", order);
        model.addAttribute("orders", ListOrder.values());
        model.addAttribute("filter", new Filter(stage, owner, source, campaignId, q));
        model.addAttribute("query", queryWithout(request, "cursor", "seen"));
        model.addAttribute("unsorted", queryWithout(request, "cursor", "seen", "sort"));
        model.addAttribute("bulk", bulk.choices());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("views", views.of(me.id().value()));
        Map<UUID, PersonSummary> people = names.people();
        model.addAttribute("people", people);
        // The filter's choices with the current one marked, worked out here: a comparison per option
        // in the template was a fifth of the page's CPU (interpreted SpEL).
        String chosenOwner = ownerId == null ? null : ownerId.toString();
        model.addAttribute("ownerOptions", people.values().stream()
                .map(p -> new Option(p.id().value().toString(), p.displayName(), p.id().value().toString().equals(chosenOwner)
                        && !"me".equals(owner)))
                .toList());
        model.addAttribute("campaignOptions", names.campaigns().values().stream()
                .map(c -> new Option(c.id().toString(), c.name(), c.id().equals(campaignId))).toList());
        if (!model.containsAttribute("viewName")) {
            model.addAttribute("viewName", new ViewName(null));
        }
        return "funnel/leads";
    }

    record Filter(Stage stage, String owner, String source, UUID campaignId, String q) {
    }

    /** The list as filtered (a saved view is a filter), every page of it, as a CSV file. */
    @GetMapping(path = "/leads", produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) Stage stage, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String source, @RequestParam(required = false) UUID campaignId,
            @RequestParam(required = false) String q, @AuthenticationPrincipal SignedInPerson me,
            HttpServletResponse response) throws IOException {
        UUID ownerId = "me".equals(owner) ? me.id().value() : parseOrNull(owner);
        CsvDownloads.send(response, LeadExport.fileName(), export.columns(),
                export.rows(new Leads.Filter(stage, ownerId, source, campaignId, q), false));
    }

    /** One choice of a filter's drop-down. */
    public record Option(String value, String label, boolean selected) {
    }

    @PostMapping("/leads/views")
    String saveView(@Valid @ModelAttribute("viewName") ViewName name, BindingResult errors,
            @RequestParam(required = false) String query, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        String given = query == null ? "" : query;
        String safeQuery = given.length() > 500 ? given.substring(0, 500) : given;
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("flash", "A saved view needs a name of at most 60 characters, without < or >.");
        }
        else {
            views.save(me.id().value(), name.name(), safeQuery.startsWith("?") ? safeQuery.substring(1) : safeQuery,
                    clock.instant());
            redirect.addFlashAttribute("flash", "Saved the view \u201c" + name.name().strip() + "\u201d.");
        }
        return "redirect:/leads" + (safeQuery.isEmpty() ? "" : "?" + safeQuery.replaceFirst("^\\?", ""));
    }

    @PostMapping("/leads/views/{id}/delete")
    String deleteView(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        views.delete(me.id().value(), id);
        redirect.addFlashAttribute("flash", "Saved view removed.");
        return "redirect:/leads";
    }

    @GetMapping("/leads/new")
    String newLead(Model model) {
        return form(model, new IncomingLead(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @PostMapping("/leads")
    String create(@Valid @ModelAttribute("form") IncomingLead form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                LeadIntake.Result result = intake.take(form, LeadHistory.Channel.MANUAL);
                redirect.addFlashAttribute("flash", result.merged()
                        ? "This lead was already here; your entry was added to it as a new touch."
                        : "Lead created.");
                return "redirect:/leads/" + result.lead().id();
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        return form(model, form);
    }

    /** A stage change as the page shows it: who made it in words. */
    public record HistoryRow(LeadHistory.StageEvent event, String who) {
    }

    /** A touch as the page shows it: how it came in, in words. */
    public record TouchRow(LeadHistory.Touch touch, String how) {
    }

    /** An activity logged on the lead's page: a sales type, a time in the viewer's zone, what came of it. */
    record LeadActivityForm(@NotNull(message = "choose what you did") ActivityType type,
            @NotNull(message = "must be a date and time")
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime occurredAt,
            @Size(max = 500) @PlainText String outcome) {

        static final java.util.Set<String> FIELDS = java.util.Set.of("type", "occurredAt", "outcome");
    }

    @GetMapping("/leads/{id}")
    String show(@PathVariable UUID id, Model model, RedirectAttributes redirect) {
        java.util.Optional<Lead> found = leads.byId(new LeadId(id));
        if (found.isEmpty()) {
            return removed(new LeadId(id), redirect);
        }
        if (!model.containsAttribute("activityForm")) {
            model.addAttribute("activityForm", new LeadActivityForm(null,
                    LocalDateTime.ofInstant(clock.instant(), times.viewerZone()).truncatedTo(ChronoUnit.MINUTES), null));
        }
        return page(found.get(), model);
    }

    /** Logs a call, email, meeting or demo on the lead; its timeline shows it at once. */
    @PostMapping("/leads/{id}/activities")
    String logActivity(@PathVariable UUID id, @Valid @ModelAttribute("activityForm") LeadActivityForm form,
            BindingResult errors, @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        Lead lead = leads.byId(new LeadId(id)).orElseThrow(() -> new NotFoundException("Lead"));
        if (form.type() != null && !ActivityType.of(Department.SALES).contains(form.type())) {
            errors.rejectValue("type", "invalid", "must be a call, an email, a meeting or a demo");
        }
        if (!errors.hasErrors()) {
            try {
                Activity logged = activityLog.log(new NewActivity(form.type(), me.id(),
                        form.occurredAt().atZone(times.viewerZone()).toInstant(), form.outcome(), id, null,
                        ActivitySource.MANUAL));
                redirect.addFlashAttribute("flash", "Logged: " + logged.type().label() + ", "
                        + times.show(logged.occurredAt()) + ".");
                return "redirect:/leads/" + id + "#activities";
            }
            catch (ConstraintViolationException ex) {
                for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
                    String field = null;
                    for (jakarta.validation.Path.Node node : violation.getPropertyPath()) {
                        field = node.getName();
                    }
                    errors.rejectValue(LeadActivityForm.FIELDS.contains(field) ? field : "occurredAt", "invalid",
                            violation.getMessage());
                }
            }
            catch (FieldConflictException ex) {
                errors.reject("conflict", ex.getMessage());
            }
        }
        model.addAttribute("activityFormOpen", true);
        return page(lead, model);
    }

    private String page(Lead lead, Model model) {
        UUID id = lead.id().value();
        model.addAttribute("score", scoring.explain(lead.id()));
        model.addAttribute("clocks", clocks.clocksOf(lead.id()));
        model.addAttribute("lead", lead);
        var a = lead.contact().address();
        model.addAttribute("address", java.util.stream.Stream.of(a.street(),
                ((a.postalCode() == null ? "" : a.postalCode()) + " " + (a.city() == null ? "" : a.city())).strip(),
                a.region(), a.country()).filter(part -> part != null && !part.isBlank())
                .collect(java.util.stream.Collectors.joining(", ")));
        model.addAttribute("stageEvents", newestFirst(history.stageEvents(lead.id())).stream()
                .map(e -> new HistoryRow(e, names.who(e.actorId(), e.actorLabel()))).toList());
        model.addAttribute("touches", newestFirst(history.touches(lead.id())).stream()
                .map(t -> new TouchRow(t, LeadPages.channel(t.channel().name()))).toList());
        model.addAttribute("activities", activities.forLead(id));
        model.addAttribute("activityTypes", ActivityType.of(Department.SALES));
        model.addAttribute("people", names.people());
        model.addAttribute("campaigns", names.campaigns());
        model.addAttribute("customLabels", customFields.active().stream()
                .collect(java.util.stream.Collectors.toMap(CustomFields.CustomField::key, CustomFields.CustomField::label)));
        model.addAttribute("suggestion", lead.ownerId() == null ? router.suggest(lead).orElse(null) : null);
        model.addAttribute("duplicates", duplicates.of(lead.id()));
        model.addAttribute("undoableMerge", merging.undoable(lead.id()).orElse(null));
        model.addAttribute("consent", personalData.consentOf(lead.id()));
        model.addAttribute("erasedAt", personalData.erasedAt(lead.id()).orElse(null));
        return "funnel/lead";
    }

    /** A merged lead's page is its survivor's; a deleted one is found among the deleted. */
    private String removed(LeadId id, RedirectAttributes redirect) {
        Leads.Removed removed = leads.removed(id).orElseThrow(() -> new NotFoundException("Lead"));
        if (removed.mergedInto() != null) {
            redirect.addFlashAttribute("flash", removed.lead().displayName() + " was merged into this lead.");
            return "redirect:/leads/" + removed.mergedInto();
        }
        redirect.addFlashAttribute("flash", removed.lead().displayName() + " was deleted; you can restore it here.");
        return "redirect:/leads/deleted";
    }

    private String form(Model model, IncomingLead form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("campaigns", names.campaigns().values());
        return "funnel/lead-form";
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        List<T> copy = new java.util.ArrayList<>(oldestFirst);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static ListOrder order(String sort) {
        if (sort == null || sort.isBlank()) {
            return ListOrder.NEWEST;
        }
        ListOrder order = ListOrder.of(sort);
        if (order == null) {
            throw new InvalidFieldException("sort", "must be one of " + String.join(", ",
                    java.util.Arrays.stream(ListOrder.values()).map(ListOrder::parameter).toList()));
        }
        return order;
    }

    /** The page's query string without the parameters named (the pager and the headers add their own). */
    static String queryWithout(HttpServletRequest request, String... names) {
        String query = request.getQueryString();
        if (query == null) {
            return "";
        }
        return List.of(query.split("&")).stream()
                .filter(p -> java.util.Arrays.stream(names).noneMatch(n -> p.equals(n) || p.startsWith(n + "=")))
                .reduce((a, b) -> a + "&" + b).orElse("");
    }

    private static UUID parseOrNull(String text) {
        try {
            return text == null || text.isBlank() ? null : UUID.fromString(text);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("owner", "is not a person");
        }
    }
}
