package org.smartketing.activity.log;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.activity.Activity;
import org.smartketing.activity.ActivityLog;
import org.smartketing.activity.ActivitySource;
import org.smartketing.activity.ActivityType;
import org.smartketing.activity.NewActivity;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.PlainText;
import org.smartketing.team.Department;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.shared.CsvDownloads;
import org.smartketing.web.Times;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The activity log for everyone signed in: filter it by type, person and dates in the viewer's own
 * zone, and log what you did yourself.
 */
@Controller
class ActivitiesController {

    /** What a person logs by hand; the time is in their own zone, as the browser's input gives it. */
    record ActivityForm(
            @NotNull(message = "choose what you did") @LoggedByHand ActivityType type,
            @NotNull(message = "must be a date and time")
            @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm", fallbackPatterns = "yyyy-MM-dd'T'HH:mm:ss")
            LocalDateTime occurredAt,
            @Size(max = 500) @PlainText String outcome) {
    }

    /** The list's filters, as the URL gives them; dates are whole days in the viewer's zone. */
    record Filters(ActivityType type, UUID personId, LocalDate from, LocalDate to) {

        public boolean any() {
            return type != null || personId != null || from != null || to != null;
        }
    }

    record Row(Activity activity, String who) {
    }

    private static final Set<String> FORM_FIELDS = Set.of("type", "occurredAt", "outcome");

    private final Activities activities;
    private final ActivityLog log;
    private final TeamDirectory directory;
    private final Times times;
    private final Clock clock;
    private final ActivityExport export;

    ActivitiesController(Activities activities, ActivityLog log, TeamDirectory directory, Times times, Clock clock,
            ActivityExport export) {
        this.export = export;
        this.activities = activities;
        this.log = log;
        this.directory = directory;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping("/activities")
    String list(@RequestParam(required = false) ActivityType type, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            @RequestParam(required = false) Integer page, Model model) {
        return page(new Filters(type, personId, from, to), page, model);
    }

    @PostMapping("/activities")
    String log(@Valid @ModelAttribute("form") ActivityForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Activity logged = log.log(new NewActivity(form.type(), me.id(),
                        form.occurredAt().atZone(times.viewerZone()).toInstant(), form.outcome(), null, null,
                        ActivitySource.MANUAL));
                redirect.addFlashAttribute("flash",
                        "Logged: " + logged.type().label() + ", " + times.show(logged.occurredAt()) + ".");
                return "redirect:/activities";
            }
            catch (ConstraintViolationException ex) {
                for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
                    reject(errors, lastNode(violation.getPropertyPath()), violation.getMessage());
                }
            }
            catch (FieldConflictException ex) {
                reject(errors, ex.field(), ex.getMessage());
            }
        }
        return page(new Filters(null, null, null, null), null, model);
    }

    /** The list as filtered, every page of it, as a CSV file. */
    @GetMapping(path = "/activities", produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(required = false) ActivityType type, @RequestParam(required = false) UUID personId,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
            HttpServletResponse response) throws IOException {
        export.send(response, filter(new Filters(type, personId, from, to)));
    }

    /** The page's filter, its days in the viewer's time zone. */
    private Activities.Filter filter(Filters filters) {
        ZoneId zone = times.viewerZone();
        Instant from = filters.from() == null ? null : filters.from().atStartOfDay(zone).toInstant();
        Instant to = filters.to() == null ? null : filters.to().plusDays(1).atStartOfDay(zone).toInstant();
        return new Activities.Filter(filters.type(), filters.personId() == null ? null : new PersonId(filters.personId()),
                null, from, to);
    }

    private String page(Filters filters, Integer page, Model model) {
        ZoneId zone = times.viewerZone();
        PageOf<Activity> found = activities.page(filter(filters), PageOf.Request.of(page, PageOf.DEFAULT_SIZE));
        List<PersonSummary> people = directory.enabledPeople().stream()
                .sorted(Comparator.comparing(PersonSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        Map<PersonId, String> names = new HashMap<>();
        people.forEach(p -> names.put(p.id(), p.displayName()));
        model.addAttribute("activities", found.map(a -> new Row(a, names.computeIfAbsent(a.personId(),
                id -> directory.person(id).map(PersonSummary::displayName).orElse("Someone no longer here")))));
        model.addAttribute("filters", filters);
        model.addAttribute("people", people);
        model.addAttribute("salesTypes", ActivityType.of(Department.SALES));
        model.addAttribute("marketingTypes", ActivityType.of(Department.MARKETING));
        model.addAttribute("funnelTypes", ActivityType.of(null));
        model.addAttribute("zone", zone);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ActivityForm(null,
                    LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES), null));
        }
        return "activity/activities";
    }

    /** On the field when the form has it (the person and lead are not on the form), else for the whole form. */
    private static void reject(BindingResult errors, String field, String message) {
        if (FORM_FIELDS.contains(field)) {
            errors.rejectValue(field, "invalid", message);
        }
        else {
            errors.reject("invalid", message);
        }
    }

    private static String lastNode(Path path) {
        String name = null;
        for (Path.Node node : path) {
            name = node.getName();
        }
        return name;
    }
}
