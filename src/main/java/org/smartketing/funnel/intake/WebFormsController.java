package org.smartketing.funnel.intake;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PlainText;
import org.smartketing.team.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins register the website forms that may post leads, and copy the snippet to paste in. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebFormsController {

    record NewWebForm(@NotBlank @Size(max = 120) @PlainText String name,
            @NotBlank @Size(max = 1000)
            @Pattern(regexp = "\\s*[A-Za-z0-9.-]+(\\s*,\\s*[A-Za-z0-9.-]+)*\\s*", message = "must be host names separated by commas, such as www.example.com, example.com")
            String allowedHosts,
            @Size(max = 80) @PlainText String source, UUID campaignId) {
    }

    /** A form's settings as the page edits them: hosts separated by commas, custom fields one per line. */
    record WebFormEdit(@NotBlank @Size(max = 120) @PlainText String name,
            @NotBlank @Size(max = 1000)
            @Pattern(regexp = "\\s*[A-Za-z0-9.-]+(\\s*,\\s*[A-Za-z0-9.-]+)*\\s*", message = "must be host names separated by commas, such as www.example.com, example.com")
            String allowedHosts,
            @Size(max = 80) @PlainText String source, UUID campaignId,
            @Size(max = 4000)
            @Pattern(regexp = "(\\s*[A-Za-z0-9_]+\\s*=\\s*[a-z][a-z0-9_]*\\s*(\\R|$))*\\s*", message = "must be lines such as 00N5g00000AbCdE = fleet_size")
            String fieldMap) {
    }

    private final WebForms forms;
    private final Campaigns campaigns;
    private final CustomFields customFields;
    private final WebFormSnippet snippets;
    private final AuditLog audit;
    private final Clock clock;

    WebFormsController(WebForms forms, Campaigns campaigns, CustomFields customFields, WebFormSnippet snippets,
            AuditLog audit, Clock clock) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.customFields = customFields;
        this.snippets = snippets;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/web-forms")
    String list(Model model) {
        List<WebForms.WebForm> all = forms.all();
        model.addAttribute("forms", all);
        model.addAttribute("snippets", all.stream().collect(java.util.stream.Collectors.toMap(WebForms.WebForm::id, snippets::of)));
        model.addAttribute("customFields", customFields.active());
        model.addAttribute("campaigns", campaigns.all());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewWebForm(null, null, "website", null));
        }
        return "funnel/web-forms";
    }

    @PostMapping("/admin/web-forms")
    @Transactional
    String create(@Valid @ModelAttribute("form") NewWebForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (form.campaignId() != null && !campaigns.exists(form.campaignId())) {
            errors.rejectValue("campaignId", "unknown", "there is no campaign with this id");
        }
        if (errors.hasErrors()) {
            return list(model);
        }
        List<String> hosts = Arrays.stream(form.allowedHosts().split(",")).map(String::strip).toList();
        WebForms.WebForm created = forms.create(form.name(), hosts, form.source(), form.campaignId(), clock.instant());
        audit.record("web-form", created.id(), "created", null, Map.of("name", created.name(), "hosts", created.allowedHosts()));
        redirect.addFlashAttribute("flash", "Form key created for " + created.name() + ": " + created.key());
        return "redirect:/admin/web-forms";
    }

    @GetMapping("/admin/web-forms/{id}")
    String edit(@PathVariable UUID id, Model model) {
        WebForms.WebForm form = forms.byId(id).orElseThrow(() -> new NotFoundException("Website form " + id));
        model.addAttribute("webForm", form);
        model.addAttribute("snippet", snippets.of(form));
        model.addAttribute("campaigns", campaigns.all());
        model.addAttribute("customFields", customFields.active());
        if (!model.containsAttribute("edit")) {
            model.addAttribute("edit", new WebFormEdit(form.name(), String.join(", ", form.allowedHosts()), form.source(),
                    form.campaignId(), form.fieldMap().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                            .collect(java.util.stream.Collectors.joining("\n"))));
        }
        return "funnel/web-form";
    }

    @PostMapping("/admin/web-forms/{id}")
    @Transactional
    String change(@PathVariable UUID id, @Valid @ModelAttribute("edit") WebFormEdit edit, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        WebForms.WebForm before = forms.byId(id).orElseThrow(() -> new NotFoundException("Website form " + id));
        if (edit.campaignId() != null && !campaigns.exists(edit.campaignId())) {
            errors.rejectValue("campaignId", "unknown", "there is no campaign with this id");
        }
        Map<String, String> fieldMap = errors.hasFieldErrors("fieldMap") ? Map.of() : fieldMap(edit.fieldMap());
        fieldMap.values().stream().filter(key -> customFields.byKey(key).isEmpty()).findFirst().ifPresent(key ->
                errors.rejectValue("fieldMap", "unknown", "there is no custom field with the key " + key));
        if (errors.hasErrors()) {
            return edit(id, model);
        }
        WebForms.WebForm after = forms.change(new WebForms.WebForm(id, before.key(), edit.name(),
                Arrays.stream(edit.allowedHosts().split(",")).map(String::strip).toList(), edit.source(),
                edit.campaignId(), fieldMap, before.active(), before.createdAt()), clock.instant());
        audit.record("web-form", id, "updated", Map.of("name", before.name(), "hosts", before.allowedHosts()),
                Map.of("name", after.name(), "hosts", after.allowedHosts()));
        redirect.addFlashAttribute("flash", "Saved " + after.name() + ".");
        return "redirect:/admin/web-forms/" + id;
    }

    /** Switches a form off (its key stops working) or on again; nothing is lost either way. */
    @PostMapping("/admin/web-forms/{id}/active")
    @Transactional
    String active(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
        WebForms.WebForm before = forms.byId(id).orElseThrow(() -> new NotFoundException("Website form " + id));
        forms.change(new WebForms.WebForm(id, before.key(), before.name(), before.allowedHosts(), before.source(),
                before.campaignId(), before.fieldMap(), active, before.createdAt()), clock.instant());
        audit.record("web-form", id, active ? "switched on" : "switched off", null, null);
        redirect.addFlashAttribute("flash", before.name() + (active ? " takes leads again." : " is switched off: its key no longer takes leads."));
        return "redirect:/admin/web-forms/" + id;
    }

    private static Map<String, String> fieldMap(String text) {
        Map<String, String> map = new java.util.TreeMap<>();
        if (text != null) {
            text.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(line -> {
                String[] parts = line.split("=", 2);
                map.put(parts[0].strip(), parts[1].strip());
            });
        }
        return map;
    }
}
