package org.smartketing.comms.reach;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "How to reach me": each person's contact methods (with verification), their expectations per
 * urgency and quiet hours, and their off-grid periods. A refused change shows the page again with
 * the reason on top and what was typed kept.
 */
@Controller
class ReachController {

    private final StoredReachBook book;
    private final ReachEditing editing;
    private final ContactVerification verification;
    private final OffGridPeriods offGrid;
    private final TeamDirectory directory;
    private final Clock clock;

    ReachController(StoredReachBook book, ReachEditing editing, ContactVerification verification,
            OffGridPeriods offGrid, TeamDirectory directory, Clock clock) {
        this.book = book;
        this.editing = editing;
        this.verification = verification;
        this.offGrid = offGrid;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/reach")
    String page(@AuthenticationPrincipal SignedInPerson me, Model model) {
        return page(me, model, null, null);
    }

    @PostMapping("/reach/expectations")
    String saveExpectations(@AuthenticationPrincipal SignedInPerson me, @ModelAttribute("form") ReachForm form,
            Model model, RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> editing.saveExpectations(me.id(), form.input()),
                "Your communication expectations are saved and confirmed.", "/reach", form, null);
    }

    @PostMapping("/reach/phone")
    String addPhone(@AuthenticationPrincipal SignedInPerson me, @RequestParam(required = false) String phone,
            Model model, RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> verification.addPhone(me.id(), phone),
                "We texted a code to your phone; type it below to verify it.", "/reach#phone", null, null);
    }

    @PostMapping("/reach/chat")
    String addChat(@AuthenticationPrincipal SignedInPerson me, @RequestParam(required = false) String webhookUrl,
            Model model, RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> verification.addChat(me.id(), webhookUrl),
                "We posted a code to your chat; type it below to verify it.", "/reach#chat", null, null);
    }

    @PostMapping("/reach/{kind}/verify")
    String verify(@AuthenticationPrincipal SignedInPerson me, @PathVariable String kind,
            @RequestParam(required = false) String code, Model model, RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> verification.verify(me.id(), ContactVerification.kind(kind), code),
                "Verified. You can now choose it in your expectations.", "/reach", null, null);
    }

    @PostMapping("/reach/{kind}/resend")
    String resend(@AuthenticationPrincipal SignedInPerson me, @PathVariable String kind, Model model,
            RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> verification.resend(me.id(), ContactVerification.kind(kind)),
                "A new code is on its way.", "/reach", null, null);
    }

    @PostMapping("/reach/{kind}/remove")
    String remove(@AuthenticationPrincipal SignedInPerson me, @PathVariable String kind,
            RedirectAttributes redirect) {
        verification.remove(me.id(), ContactVerification.kind(kind));
        redirect.addFlashAttribute("flash", "Removed. Expectations that named it skip it from now on.");
        return "redirect:/reach";
    }

    @PostMapping("/reach/off-grid")
    String addOffGrid(@AuthenticationPrincipal SignedInPerson me, @ModelAttribute("offGridForm") OffGridForm form,
            Model model, RedirectAttributes redirect) {
        return attempt(me, model, redirect, () -> editing.addOffGrid(me.id(), form.input(me.zone())),
                "Your off-grid period is saved.", "/reach", null, form);
    }

    @PostMapping("/reach/off-grid/{id}/remove")
    String removeOffGrid(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id,
            RedirectAttributes redirect) {
        editing.removeOffGrid(me.id(), id);
        redirect.addFlashAttribute("flash", "The off-grid period is removed.");
        return "redirect:/reach";
    }

    /** Makes the change and redirects with the flash, or shows the page again with why and what was typed. */
    private String attempt(SignedInPerson me, Model model, RedirectAttributes redirect, Runnable change, String flash,
            String to, ReachForm form, OffGridForm offGridForm) {
        try {
            change.run();
        }
        catch (InvalidFieldException ex) {
            return refused(me, model, ex, form, offGridForm);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:" + to;
    }

    private String refused(SignedInPerson me, Model model, InvalidFieldException ex, ReachForm form,
            OffGridForm offGridForm) {
        model.addAttribute("problem", ex.field() + ": " + ex.getMessage());
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            attributes.getResponse().setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return page(me, model, form, offGridForm);
    }

    private String page(SignedInPerson me, Model model, ReachForm form, OffGridForm offGridForm) {
        PersonId id = me.id();
        Reach reach = book.reachOf(id, clock.instant()).orElseThrow();
        ReachForm shown = form == null ? ReachForm.of(reach) : form;
        Map<String, ContactMethods.ContactMethod> methods = verification.of(id).stream()
                .collect(Collectors.toMap(m -> m.kind().name().toLowerCase(), Function.identity()));
        model.addAttribute("me", reach.person());
        model.addAttribute("reach", reach);
        model.addAttribute("form", shown);
        model.addAttribute("offGridForm", offGridForm == null ? OffGridForm.empty() : offGridForm);
        model.addAttribute("phone", methods.get("phone"));
        model.addAttribute("chat", methods.get("chat"));
        model.addAttribute("channels", Channel.values());
        model.addAttribute("urgencies", List.of("urgent", "normal", "fyi"));
        model.addAttribute("urgencyNames", Map.of("urgent", Urgency.URGENT, "normal", Urgency.NORMAL, "fyi", Urgency.FYI));
        model.addAttribute("places", List.of(0, 1, 2, 3));
        model.addAttribute("responseOptions", ReachPages.responseOptions(shown.getUrgentMinutes(),
                shown.getNormalMinutes(), shown.getFyiMinutes()));
        model.addAttribute("periods", offGrid.ahead(id, clock.instant()));
        model.addAttribute("delegates", directory.enabledPeople().stream().filter(p -> !p.id().equals(id))
                .sorted(Comparator.comparing(PersonSummary::displayName)).toList());
        model.addAttribute("names", directory.enabledPeople().stream()
                .collect(Collectors.toMap(p -> p.id(), PersonSummary::displayName)));
        return "comms/reach";
    }
}
