package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.YearMonth;

import jakarta.validation.Valid;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.AppRole;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvDownloads;

/** The SLA page both heads sign, and the SLA report. */
@Controller
class SlaController {

    private final SlaAgreements agreements;
    private final SlaReport report;
    private final TeamDirectory directory;
    private final Clock clock;

    SlaController(SlaAgreements agreements, SlaReport report, TeamDirectory directory, Clock clock) {
        this.agreements = agreements;
        this.report = report;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/sla")
    String show(@AuthenticationPrincipal SignedInPerson me, Model model) {
        Agreement current = agreements.current();
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AgreementTerms(current.acceptHours(), current.firstContactHours(),
                    current.mqlsPerMonth()));
        }
        return page(me, current, model);
    }

    @PostMapping("/sla")
    @PreAuthorize("hasRole('MANAGER')")
    String change(@Valid @ModelAttribute("form") AgreementTerms form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(me, agreements.current(), model);
        }
        Agreement saved = agreements.change(form, me);
        redirect.addFlashAttribute("flash", "Version " + saved.version() + " saved; both heads sign it again.");
        return "redirect:/sla";
    }

    @PostMapping("/sla/signatures")
    @PreAuthorize("hasRole('MANAGER')")
    String sign(@RequestParam(required = false) Integer version, @AuthenticationPrincipal SignedInPerson me,
            RedirectAttributes redirect) {
        try {
            if (version == null) {
                throw new InvalidFieldException("version", "say which version you sign");
            }
            Agreement signed = agreements.sign(version, null, me);
            redirect.addFlashAttribute("flash", "You signed version " + signed.version() + ".");
        }
        catch (InvalidFieldException | RuleViolationException ex) {
            redirect.addFlashAttribute("flash", ex.getMessage());
        }
        return "redirect:/sla";
    }

    @GetMapping("/sla/report")
    String report(@RequestParam(required = false) String month, Model model) {
        YearMonth chosen;
        try {
            chosen = SlaApiController.month(month, clock);
        }
        catch (InvalidFieldException ex) {
            model.addAttribute("monthError", ex.getMessage());
            chosen = SlaApiController.month(null, clock);
        }
        model.addAttribute("report", report.of(chosen));
        model.addAttribute("previous", chosen.minusMonths(1).toString());
        model.addAttribute("next", chosen.plusMonths(1).toString());
        return "funnel/sla-report";
    }

    /** The month's report as a CSV file ({@code ?format=csv}). */
    @GetMapping(path = "/sla/report", produces = CsvDownloads.TEXT_CSV)
    void reportCsv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        SlaReport.send(response, report.of(SlaApiController.month(month, clock)));
    }

    private String page(SignedInPerson me, Agreement current, Model model) {
        PersonSummary person = directory.person(me.id()).orElse(null);
        boolean mayEdit = me.role() != AppRole.MEMBER;
        boolean maySign = person != null && person.appRole() != AppRole.MEMBER
                && Agreement.SIGNING.contains(person.department()) && current.version() > 0
                && current.signatureOf(person.department()).isEmpty();
        model.addAttribute("agreement", current);
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("maySign", maySign);
        model.addAttribute("signing", Agreement.SIGNING);
        return "funnel/sla";
    }
}
