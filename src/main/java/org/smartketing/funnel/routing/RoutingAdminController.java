package org.smartketing.funnel.routing;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.StaleVersionException;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.web.OutdatedForms;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's routing page: rules in order with their pools and caps, and out-of-office periods.
 * Every form carries the version of the set-up the page showed; a change based on an older one is
 * not saved, and the page shows the set-up as it now is, with the change still in its form.
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingAdminController {

    record RuleForm(@NotBlank @Size(max = 120) @PlainText String name,
            @Pattern(regexp = "([A-Za-z]{2})?", message = "must be a two-letter country code such as DE or US") String country,
            @Size(max = 80) @PlainText String region,
            @Size(max = 40) @Pattern(regexp = "[^,<>]*", message = "must not contain , < or >") String segment,
            @NotEmpty(message = "needs at least one person") List<UUID> pool, @Min(0) Integer openLeadCap) {
    }

    record CapForm(@Min(0) Integer defaultOpenLeadCap) {
    }

    /** From and to are in the admin's own time zone. */
    record AwayForm(@NotNull UUID personId, @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime from,
            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime to,
            @Size(max = 200) @PlainText String note) {
    }

    private final LeadRouter router;
    private final TeamDirectory directory;

    RoutingAdminController(LeadRouter router, TeamDirectory directory) {
        this.router = router;
        this.directory = directory;
    }

    @GetMapping
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/rules")
    String addRule(@Valid @ModelAttribute("ruleForm") RuleForm form, BindingResult errors, @RequestParam int version,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            RoutingSetup now = router.setup();
            List<RoutingRule> rules = new ArrayList<>(now.rules());
            rules.add(new RoutingRule(null, form.name().strip(), form.country(), form.region(), form.segment(),
                    form.pool(), form.openLeadCap()));
            if (save(now.withRules(rules).basedOn(version), errors, model, response)) {
                redirect.addFlashAttribute("flash", "Added the rule “" + form.name().strip() + "”.");
                return "redirect:/admin/routing";
            }
        }
        return page(model);
    }

    @PostMapping("/rules/{id}/remove")
    String removeRule(@PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        RoutingSetup now = router.setup();
        RoutingSetup changed = now.withRules(now.rules().stream().filter(r -> !r.id().equals(id)).toList());
        return saved(changed.basedOn(version), "Removed the rule.", model, response, redirect);
    }

    /** Moves a rule one place earlier, so it is tried before the one above it. */
    @PostMapping("/rules/{id}/up")
    String moveUp(@PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        RoutingSetup now = router.setup();
        List<RoutingRule> rules = new ArrayList<>(now.rules());
        for (int i = 1; i < rules.size(); i++) {
            if (rules.get(i).id().equals(id)) {
                rules.add(i - 1, rules.remove(i));
                break;
            }
        }
        return saved(now.withRules(rules).basedOn(version), "Moved the rule up.", model, response, redirect);
    }

    @PostMapping("/cap")
    String cap(@Valid @ModelAttribute("capForm") CapForm form, BindingResult errors, @RequestParam int version,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model);
        }
        RoutingSetup changed = router.setup().withDefaultOpenLeadCap(form.defaultOpenLeadCap()).basedOn(version);
        return saved(changed, form.defaultOpenLeadCap() == null ? "Reps have no open-lead cap by default."
                : "Reps take at most " + form.defaultOpenLeadCap() + " open leads unless a rule says otherwise.", model,
                response, redirect);
    }

    @PostMapping("/out-of-office")
    String addAway(@Valid @ModelAttribute("awayForm") AwayForm form, BindingResult errors, @RequestParam int version,
            @AuthenticationPrincipal SignedInPerson me, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            RoutingSetup now = router.setup();
            List<OutOfOffice> away = new ArrayList<>(now.outOfOffice());
            away.add(new OutOfOffice(null, form.personId(), form.from().atZone(me.zone()).toInstant(),
                    form.to().atZone(me.zone()).toInstant(), form.note() == null || form.note().isBlank() ? null
                            : form.note().strip()));
            if (save(now.withOutOfOffice(away).basedOn(version), errors, model, response)) {
                redirect.addFlashAttribute("flash", "Saved the out-of-office period.");
                return "redirect:/admin/routing";
            }
        }
        return page(model);
    }

    @PostMapping("/out-of-office/{id}/remove")
    String removeAway(@PathVariable UUID id, @RequestParam int version, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        RoutingSetup now = router.setup();
        RoutingSetup changed = now.withOutOfOffice(now.outOfOffice().stream().filter(o -> !o.id().equals(id)).toList());
        return saved(changed.basedOn(version), "Removed the out-of-office period.", model, response, redirect);
    }

    /** A change without a form of its own: saved and back to the page, or the page again when it came too late. */
    private String saved(RoutingSetup setup, String flash, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            router.replace(setup);
            redirect.addFlashAttribute("flash", flash);
            return "redirect:/admin/routing";
        }
        catch (StaleVersionException ex) {
            return stale(model, response);
        }
    }

    private boolean save(RoutingSetup setup, BindingResult errors, Model model, HttpServletResponse response) {
        try {
            router.replace(setup);
            return true;
        }
        catch (StaleVersionException ex) {
            stale(model, response);
            return false;
        }
        catch (InvalidFieldException ex) {
            String field = ex.field().substring(ex.field().lastIndexOf('.') + 1).replaceAll("\\[.*", "");
            errors.rejectValue(field, "invalid", ex.getMessage());
            return false;
        }
    }

    private String stale(Model model, HttpServletResponse response) {
        OutdatedForms.explain(model, response, "the routing");
        return page(model);
    }

    private String page(Model model) {
        RoutingSetup setup = router.setup();
        List<PersonSummary> people = directory.enabledPeople();
        Map<UUID, String> names = people.stream()
                .collect(Collectors.toMap(p -> p.id().value(), PersonSummary::displayName, (a, b) -> a));
        setup.rules().forEach(r -> r.pool().forEach(id -> names.computeIfAbsent(id, this::nameOf)));
        setup.outOfOffice().forEach(o -> names.computeIfAbsent(o.personId(), this::nameOf));
        model.addAttribute("setup", setup);
        model.addAttribute("people", people);
        model.addAttribute("names", names);
        if (!model.containsAttribute("ruleForm")) {
            model.addAttribute("ruleForm", new RuleForm(null, null, null, null, List.of(), null));
        }
        if (!model.containsAttribute("capForm")) {
            model.addAttribute("capForm", new CapForm(setup.defaultOpenLeadCap()));
        }
        if (!model.containsAttribute("awayForm")) {
            model.addAttribute("awayForm", new AwayForm(null, null, null, null));
        }
        return "funnel/routing";
    }

    private String nameOf(UUID id) {
        return directory.person(new org.smartketing.team.PersonId(id)).map(p -> p.displayName() + " (disabled)")
                .orElse(id.toString());
    }
}
