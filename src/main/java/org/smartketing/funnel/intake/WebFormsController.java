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
import org.smartketing.shared.PlainText;
import org.smartketing.team.AuditLog;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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

    private final WebForms forms;
    private final Campaigns campaigns;
    private final AuditLog audit;
    private final Clock clock;

    WebFormsController(WebForms forms, Campaigns campaigns, AuditLog audit, Clock clock) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/admin/web-forms")
    String list(Model model) {
        model.addAttribute("forms", forms.all());
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
}
