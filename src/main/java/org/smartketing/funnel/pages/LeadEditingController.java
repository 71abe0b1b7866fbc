package org.smartketing.funnel.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.intake.CustomFields;
import org.smartketing.funnel.intake.IncomingLead;
import org.smartketing.funnel.intake.LeadEditing;
import org.smartketing.funnel.intake.LeadRemoval;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.merging.Duplicates;
import org.smartketing.funnel.merging.LeadMerging;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.web.Times;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Working on a lead from its page: edit, reassign, delete and restore, and the merge tool for likely duplicates. */
@Controller
class LeadEditingController {

    private final Leads leads;
    private final LeadEditing editing;
    private final LeadRemoval removal;
    private final LeadMerging merging;
    private final Duplicates duplicates;
    private final CustomFields customFields;
    private final LeadPages names;
    private final Times times;

    LeadEditingController(Leads leads, LeadEditing editing, LeadRemoval removal, LeadMerging merging,
            Duplicates duplicates, CustomFields customFields, LeadPages names, Times times) {
        this.leads = leads;
        this.editing = editing;
        this.removal = removal;
        this.merging = merging;
        this.duplicates = duplicates;
        this.customFields = customFields;
        this.names = names;
        this.times = times;
    }

    @GetMapping("/leads/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        Lead lead = find(id);
        model.addAttribute("form", LeadEditing.current(lead));
        return form(model, lead);
    }

    @PostMapping("/leads/{id}")
    String save(@PathVariable UUID id, @Valid @ModelAttribute("form") IncomingLead form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        Lead lead = find(id);
        if (!errors.hasErrors()) {
            try {
                editing.replace(lead.id(), form);
                redirect.addFlashAttribute("flash", "Saved.");
                return "redirect:/leads/" + id;
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(field(ex.field()), "invalid", ex.getMessage());
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(field(ex.field()), "conflict", ex.getMessage());
            }
        }
        return form(model, lead);
    }

    @PostMapping("/leads/{id}/owner")
    String reassign(@PathVariable UUID id, @RequestParam(required = false) String ownerId, RedirectAttributes redirect) {
        Lead lead = find(id);
        UUID owner = ownerId == null || ownerId.isBlank() ? null : uuid("ownerId", ownerId);
        Lead after = editing.reassign(lead.id(), owner);
        redirect.addFlashAttribute("flash", after.ownerId() == null ? "The lead has no owner now."
                : "The lead is " + names.who(after.ownerId(), null) + "\u2019s now.");
        return "redirect:/leads/" + id;
    }

    @GetMapping("/leads/{id}/delete")
    String confirmDelete(@PathVariable UUID id, Model model) {
        model.addAttribute("lead", find(id));
        return "funnel/lead-delete";
    }

    @PostMapping("/leads/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        Lead lead = find(id);
        java.time.Instant until = removal.delete(lead.id());
        redirect.addFlashAttribute("flash", "Deleted " + lead.displayName() + ". You can restore it here until "
                + times.show(until) + ".");
        return "redirect:/leads/deleted";
    }

    @PostMapping("/leads/{id}/restore")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        Lead back = removal.restore(new LeadId(id));
        redirect.addFlashAttribute("flash", "Restored " + back.displayName() + ".");
        return "redirect:/leads/" + id;
    }

    @GetMapping("/leads/deleted")
    String deleted(Model model) {
        model.addAttribute("removed", removal.restorable(100));
        model.addAttribute("window", LeadRemoval.UNDO_WINDOW);
        return "funnel/leads-deleted";
    }

    @GetMapping("/leads/duplicates")
    String queue(@RequestParam(required = false) String cursor, Model model) {
        Duplicates.Page page = duplicates.find(cursor, 20);
        model.addAttribute("pairs", page.pairs());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("paged", cursor != null && !cursor.isBlank());
        return "funnel/duplicates";
    }

    @PostMapping("/leads/duplicates/dismiss")
    String dismiss(@RequestParam(required = false) String leadId, @RequestParam(required = false) String otherId,
            RedirectAttributes redirect) {
        duplicates.dismiss(new LeadId(uuid("leadId", leadId)), new LeadId(uuid("otherId", otherId)));
        redirect.addFlashAttribute("flash", "Marked as two different people; the queue leaves them out now.");
        return "redirect:/leads/duplicates";
    }

    @GetMapping("/leads/{id}/merge")
    String compare(@PathVariable UUID id, @RequestParam(required = false) String other, Model model) {
        Lead lead = find(id);
        Lead theirs = leads.byId(new LeadId(uuid("other", other)))
                .orElseThrow(() -> new InvalidFieldException("other", "there is no lead with this id"));
        model.addAttribute("lead", lead);
        model.addAttribute("other", theirs);
        model.addAttribute("differences", merging.differences(lead.id(), theirs.id()));
        model.addAttribute("people", names.people());
        model.addAttribute("campaigns", names.campaigns());
        return "funnel/merge";
    }

    @PostMapping("/leads/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam(required = false) String otherId,
            @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<String, String> keep = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("keep.")) {
                keep.put(name.substring(5), value);
            }
        });
        Lead other = leads.byId(new LeadId(uuid("otherId", otherId)))
                .orElseThrow(() -> new InvalidFieldException("otherId", "there is no lead with this id"));
        merging.merge(find(id).id(), other.id(), keep);
        redirect.addFlashAttribute("flash", "Merged " + other.displayName() + " into this lead. You can undo it for 7 days.");
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/merge/undo")
    String undoMerge(@PathVariable UUID id, RedirectAttributes redirect) {
        Lead back = merging.undo(find(id).id());
        redirect.addFlashAttribute("flash", "Merge undone: " + back.displayName() + " is a lead of its own again.");
        return "redirect:/leads/" + id;
    }

    private String form(Model model, Lead lead) {
        model.addAttribute("lead", lead);
        model.addAttribute("customFields", customFields.active());
        model.addAttribute("campaigns", names.campaigns().values());
        return "funnel/lead-edit";
    }

    /** A custom field's error shows beside it ({@code custom[key]}); a rule's field as it is. */
    private static String field(String field) {
        return field.startsWith("custom.") ? "custom[" + field.substring(7) + "]"
                : field.startsWith("externalIds") ? "email" : field;
    }

    private Lead find(UUID id) {
        return leads.byId(new LeadId(id)).orElseThrow(() -> new NotFoundException("Lead"));
    }

    private static UUID uuid(String field, String text) {
        try {
            return UUID.fromString(text == null ? "" : text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException(field, "is not a lead or person of Smartketing");
        }
    }
}
