package org.smartketing.funnel.pages;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.api.LeadExport;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.shared.CsvDownloads;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.PlainText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The lead list's bulk bar: the leads picked there assigned, tagged, moved or exported at once. A
 * move to a stage that needs a reason (or a date to look again) asks for it first, once for all.
 */
@Controller
class BulkController {

    private final BulkChanges changes;
    private final LeadExport export;

    BulkController(BulkChanges changes, LeadExport export) {
        this.changes = changes;
        this.export = export;
    }

    /** One form, one handler: the button pressed names the action; the fields it needs ride along. */
    @PostMapping("/leads/bulk")
    String change(@RequestParam(required = false) String action, @RequestParam(required = false) List<String> ids,
            @RequestParam(required = false) String ownerId, @RequestParam(required = false) String tag,
            @RequestParam(required = false) Stage to, @RequestParam(required = false) String reason,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requalifyOn,
            @RequestParam(defaultValue = "false") boolean details, @RequestParam(required = false) String back,
            Model model, RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        if (action == null || !List.of("assign", "tag", "move", "export").contains(action)) {
            throw new InvalidFieldException("action", "must be one of assign, tag, move or export");
        }
        List<LeadId> picked = BulkChanges.picked(ids);
        return switch (action) {
            case "assign" -> {
                UUID owner = ownerId == null || ownerId.isBlank() ? null : uuid(ownerId);
                yield told(changes.assign(picked, owner), owner == null ? "now without an owner" : "assigned", back, redirect);
            }
            case "tag" -> told(changes.tag(picked, tag), "tagged \u201c" + (tag == null ? "" : tag.strip()) + "\u201d", back,
                    redirect);
            case "move" -> move(picked, to, reason, requalifyOn, details, back, model, redirect);
            default -> {
                CsvDownloads.send(response, "leads-picked.csv", export.columns(), export.rows(picked));
                yield null;
            }
        };
    }

    private String move(List<LeadId> picked, Stage to, String reason, LocalDate requalifyOn, boolean details,
            String back, Model model, RedirectAttributes redirect) {
        if (to == null) {
            throw new InvalidFieldException("to", "choose the stage to move the leads to");
        }
        if (to.needsReason() && !details) { // recycling's date comes with its reason
            return form(model, picked, to, reason, requalifyOn, back, null);
        }
        if (reason != null && reason.length() > 500) {
            return form(model, picked, to, reason.substring(0, 500), requalifyOn, back, "reason: at most 500 characters.");
        }
        if (!new PlainText.Validator().isValid(reason, null)) {
            return form(model, picked, to, null, requalifyOn, back, "reason: must not contain markup (< >) or control characters.");
        }
        try {
            BulkChanges.Outcome outcome = changes.move(picked, new Lead.Transition(to, blankIsNull(reason), requalifyOn, null));
            return told(outcome, "moved to " + to.label(), back, redirect);
        }
        catch (InvalidFieldException ex) {
            return form(model, picked, to, reason, requalifyOn, back, ex.field() + ": " + ex.getMessage());
        }
    }

    private String form(Model model, List<LeadId> picked, Stage to, String reason, LocalDate requalifyOn, String back,
            String problem) {
        model.addAttribute("ids", picked.stream().map(LeadId::toString).toList());
        model.addAttribute("to", to);
        model.addAttribute("reason", reason);
        model.addAttribute("requalifyOn", requalifyOn);
        model.addAttribute("back", safeBack(back));
        model.addAttribute("problem", problem);
        model.addAttribute("reasons", changes.choices().reasons());
        return "funnel/bulk-move";
    }

    /** Back to the list as it was filtered, with what happened: how many, and each lead that could not. */
    private static String told(BulkChanges.Outcome outcome, String what, String back, RedirectAttributes redirect) {
        String leads = outcome.done() == 1 ? "1 lead " : outcome.done() + " leads ";
        redirect.addFlashAttribute("flash", leads + what + "."
                + (outcome.problems().isEmpty() ? "" : " " + outcome.problems().size() + " could not be changed:"));
        redirect.addFlashAttribute("bulkProblems", outcome.problems());
        return "redirect:/leads" + safeBack(back);
    }

    /** The list's query string to go back to; anything that is not one is dropped (no open redirect). */
    static String safeBack(String back) {
        if (back == null || back.isBlank() || back.length() > 1000 || !back.matches("\\?[A-Za-z0-9_.~%&=+\\-]*")) {
            return "";
        }
        return back;
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text.strip());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("ownerId", "is not a person");
        }
    }
}
