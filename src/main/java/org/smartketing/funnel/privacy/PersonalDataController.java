package org.smartketing.funnel.privacy;

import java.util.Map;
import java.util.UUID;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.SuppressionList;
import org.smartketing.funnel.leads.LeadPersonalData;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.Text;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's data on request, on the lead's page: download it and erase it (admins, under
 * {@code /admin/}, after a confirmation that says there is no undo), withdraw the lead's consent
 * (whoever may change the lead), and the suppression list's page with its setting (admins).
 */
@Controller
class PersonalDataController {

    private final PersonalDataRequests requests;
    private final LeadPersonalData leads;
    private final SuppressionList suppression;

    PersonalDataController(PersonalDataRequests requests, LeadPersonalData leads, SuppressionList suppression) {
        this.requests = requests;
        this.leads = leads;
        this.suppression = suppression;
    }

    @GetMapping("/admin/leads/{id}/personal-data")
    ResponseEntity<Map<String, Object>> download(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"personal-data-" + id + ".json\"")
                .body(requests.export(new LeadId(id)));
    }

    @GetMapping("/admin/leads/{id}/erase")
    String confirmErase(@PathVariable UUID id, Model model) {
        LeadPersonalData.Found found = leads.find(new LeadId(id)).orElseThrow(() -> new NotFoundException("Lead " + id));
        model.addAttribute("lead", found.lead());
        model.addAttribute("erasedAt", found.erasedAt());
        model.addAttribute("mergedLeads", found.mergedIntoIt().size());
        return "funnel/lead-erase";
    }

    @PostMapping("/admin/leads/{id}/erase")
    String erase(@PathVariable UUID id, RedirectAttributes redirect) {
        PersonalDataRequests.Erasure erasure = requests.erase(new LeadId(id));
        redirect.addFlashAttribute("flash", "The lead's personal data is erased in every part of Smartketing, and the"
                + " person is on the suppression list" + (erasure.suppressed() == 0 ? " already" : "") + ".");
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/consent/withdraw")
    String withdrawConsent(@PathVariable UUID id, @RequestParam(required = false) String how, RedirectAttributes redirect) {
        requests.withdrawConsent(new LeadId(id), Text.plain("how", how, 200));
        redirect.addFlashAttribute("flash", "Consent to marketing is withdrawn for this lead.");
        return "redirect:/leads/" + id;
    }

    @GetMapping("/admin/suppression-list")
    String suppressionList(Model model) {
        model.addAttribute("reIntake", suppression.reIntake());
        model.addAttribute("entries", suppression.entries());
        return "funnel/suppression-list";
    }

    @PostMapping("/admin/suppression-list/settings")
    String settings(@RequestParam(required = false) String reIntake, RedirectAttributes redirect) {
        SuppressionList.ReIntake choice;
        try {
            choice = SuppressionList.ReIntake.valueOf(reIntake == null ? "" : reIntake);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("reIntake", "choose whether to refuse such people or store them anonymised");
        }
        suppression.reIntake(choice);
        redirect.addFlashAttribute("flash", choice == SuppressionList.ReIntake.REFUSE
                ? "People on the list are refused from now on." : "People on the list come in anonymised from now on.");
        return "redirect:/admin/suppression-list";
    }

    @PostMapping("/admin/suppression-list")
    String add(@RequestParam(required = false) String email, @RequestParam(required = false) String phone,
            @AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        if (email != null && email.length() > 254) {
            throw new InvalidFieldException("email", "must be at most 254 characters");
        }
        int added = suppression.addByHand(email, Text.plain("phone", phone, 60), null, me.id().value()).size();
        redirect.addFlashAttribute("flash", added == 0 ? "This person was on the list already." : "Added to the list.");
        return "redirect:/admin/suppression-list";
    }

    @PostMapping("/admin/suppression-list/{id}/delete")
    String remove(@PathVariable UUID id, RedirectAttributes redirect) {
        suppression.remove(id);
        redirect.addFlashAttribute("flash", "Taken off the list: the person may come in again.");
        return "redirect:/admin/suppression-list";
    }
}
