package org.smartketing.funnel.pages;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.Stage;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.funnel.leads.LeadStages;
import org.smartketing.funnel.leads.Leads;
import org.smartketing.funnel.leads.Money;
import org.smartketing.funnel.leads.RejectionReasons;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PlainText;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving a lead from the board or its page. A move that needs more (a rejection reason, a date to
 * look again, the deal's amount) first asks for it on a small form.
 */
@Controller
class StageMovesController {

    record Move(@NotNull Stage to, @Size(max = 500) @PlainText String reason,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requalifyOn, BigDecimal amount,
            @Size(max = 3) String currency, @Size(max = 20) String back) {

        boolean needsMore() {
            return to.needsReason() || to == Stage.OPPORTUNITY;
        }
    }

    private final Leads leads;
    private final LeadStages stages;
    private final RejectionReasons reasons;

    StageMovesController(Leads leads, LeadStages stages, RejectionReasons reasons) {
        this.leads = leads;
        this.stages = stages;
        this.reasons = reasons;
    }

    @GetMapping("/leads/{id}/move")
    String form(@PathVariable UUID id, @RequestParam Stage to, @RequestParam(defaultValue = "lead") String back,
            Model model) {
        return form(model, find(id), new Move(to, null, null, null, "EUR", back));
    }

    @PostMapping("/leads/{id}/move")
    String move(@PathVariable UUID id, @Valid @ModelAttribute("move") Move move, BindingResult errors,
            @RequestParam(defaultValue = "false") boolean details, Model model, RedirectAttributes redirect) {
        Lead lead = find(id);
        if (move.to() == null) {
            // The form asks for what the stage needs, so without a stage there is no form to show again.
            throw new InvalidFieldException("to", "must be one of the stages: " + String.join(", ",
                    java.util.Arrays.stream(Stage.values()).map(Stage::name).toList()));
        }
        if (errors.getTarget() == null && errors.getFieldError() != null) {
            // A value that could not be converted leaves no form to show again (the model holds none).
            throw new InvalidFieldException(errors.getFieldError().getField(), "has a value of the wrong type or format");
        }
        if (!errors.hasErrors() && move.needsMore() && !details) {
            return form(model, lead, move);
        }
        if (!errors.hasErrors()) {
            try {
                Lead moved = stages.move(lead.id(), new Lead.Transition(move.to(), move.reason(), move.requalifyOn(),
                        move.to() == Stage.OPPORTUNITY ? Money.of(move.amount(), move.currency()) : null));
                redirect.addFlashAttribute("flash", moved.displayName() + " is now " + moved.stage().label() + ".");
                return switch (move.back() == null ? "" : move.back()) {
                    case "board" -> "redirect:/pipeline";
                    case "board-mine" -> "redirect:/pipeline?mine=true";
                    default -> "redirect:/leads/" + id;
                };
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            }
        }
        return form(model, lead, move);
    }

    @ExceptionHandler
    ModelAndView refused(Lead.StageChangeRefused ex) {
        ModelAndView view = new ModelAndView("error/general");
        view.addObject("status", 409);
        view.addObject("reason", "That move is not allowed");
        view.addObject("message", ex.getMessage() + " From " + ex.from().label() + " it can go to: "
                + String.join(", ", ex.from().allowedNext().stream().map(Stage::label).toList()) + ".");
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }

    private String form(Model model, Lead lead, Move move) {
        if (!model.containsAttribute("move")) {
            model.addAttribute("move", move);
        }
        model.addAttribute("lead", lead);
        model.addAttribute("reasons", reasons.active());
        return "funnel/move";
    }

    private Lead find(UUID id) {
        return leads.byId(new LeadId(id)).orElseThrow(() -> new NotFoundException("Lead"));
    }
}
