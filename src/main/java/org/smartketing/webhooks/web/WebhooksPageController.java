package org.smartketing.webhooks.web;

import java.util.List;
import java.util.UUID;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.webhooks.WebhookEventType;
import org.smartketing.webhooks.delivery.DeliveryLog;
import org.smartketing.webhooks.endpoints.Endpoint;
import org.smartketing.webhooks.endpoints.EndpointEditing;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins' webhooks pages: the endpoints with a form to add one (its secret shown once), and
 * per endpoint its delivery log with redeliver, a new secret, turning it on or off, changing it and
 * removing it (after a confirmation).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WebhooksPageController {

    static final int DELIVERIES_SHOWN = 50;

    /** The add and change form; checked by {@link EndpointEditing}, which names the field at fault. */
    record EndpointForm(String url, List<String> events, String description) {

        static EndpointForm of(Endpoint e) {
            return new EndpointForm(e.url(), e.events().stream().map(WebhookEventType::code).toList(), e.description());
        }
    }

    private final EndpointEditing editing;
    private final DeliveryLog log;

    WebhooksPageController(EndpointEditing editing, DeliveryLog log) {
        this.editing = editing;
        this.log = log;
    }

    @GetMapping("/admin/webhooks")
    String list(Model model) {
        model.addAttribute("endpoints", editing.all());
        model.addAttribute("types", WebhookEventType.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new EndpointForm(null, List.of(), null));
        }
        return "webhooks/list";
    }

    @PostMapping("/admin/webhooks")
    String create(@ModelAttribute("form") EndpointForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        EndpointEditing.Issued issued;
        try {
            issued = editing.create(form.url(), form.events(), form.description());
        }
        catch (InvalidFieldException ex) {
            errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            return list(model);
        }
        redirect.addFlashAttribute("newSecret", issued.secret());
        return "redirect:/admin/webhooks/" + issued.endpoint().id();
    }

    @GetMapping("/admin/webhooks/{id}")
    String show(@PathVariable UUID id, Model model) {
        Endpoint endpoint = editing.find(id);
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("types", WebhookEventType.values());
        model.addAttribute("deliveries", log.of(id, DELIVERIES_SHOWN));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", EndpointForm.of(endpoint));
        }
        return "webhooks/endpoint";
    }

    @PostMapping("/admin/webhooks/{id}")
    String change(@PathVariable UUID id, @ModelAttribute("form") EndpointForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        try {
            editing.change(id, new EndpointEditing.Change(form.url() == null ? "" : form.url(),
                    form.events() == null ? List.of() : form.events(), form.description() == null ? "" : form.description(),
                    null));
        }
        catch (InvalidFieldException ex) {
            errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            return show(id, model);
        }
        redirect.addFlashAttribute("flash", "Endpoint saved.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/enabled")
    String turn(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        editing.change(id, new EndpointEditing.Change(null, null, null, enabled));
        redirect.addFlashAttribute("flash", enabled ? "Endpoint turned on: new events are sent to it again."
                : "Endpoint turned off: no events are sent to it until you turn it on.");
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/rotate-secret")
    String rotate(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("newSecret", editing.rotate(id).secret());
        redirect.addFlashAttribute("rotated", true);
        return "redirect:/admin/webhooks/" + id;
    }

    @PostMapping("/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
        log.redeliver(id, deliveryId);
        redirect.addFlashAttribute("flash", "The delivery is being sent again.");
        return "redirect:/admin/webhooks/" + id;
    }

    @GetMapping("/admin/webhooks/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        model.addAttribute("endpoint", editing.find(id));
        return "webhooks/delete";
    }

    @PostMapping("/admin/webhooks/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Endpoint endpoint = editing.find(id);
        editing.delete(id);
        redirect.addFlashAttribute("flash", "Endpoint " + endpoint.host() + " removed with its delivery log.");
        return "redirect:/admin/webhooks";
    }
}
