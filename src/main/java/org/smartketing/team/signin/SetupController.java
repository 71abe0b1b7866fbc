package org.smartketing.team.signin;


import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.TimeZoneId;
import org.smartketing.shared.TimeZones;
import org.smartketing.team.demo.DemoCompany;
import org.smartketing.team.people.People;
import org.smartketing.team.people.PersonAdministration;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** First start: the first person creates the administrator account; afterwards this page is gone. */
@Controller
class SetupController {

    record SetupForm(@NotBlank @Size(max = 120) @PlainText String displayName, @NotBlank @EmailAddress String email,
            @ValidPassword String password, @NotBlank @TimeZoneId String timeZone) {
    }

    private final People people;
    private final PersonAdministration administration;
    private final Passwords passwords;
    private final DemoCompany demo;

    SetupController(People people, PersonAdministration administration, Passwords passwords, DemoCompany demo) {
        this.people = people;
        this.administration = administration;
        this.passwords = passwords;
        this.demo = demo;
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (people.anyActiveAdmin()) {
            return "redirect:/login";  // set up already: a bookmarked or emailed /setup lands on sign-in
        }
        model.addAttribute("form", new SetupForm(null, null, null, "UTC"));
        model.addAttribute("zones", Zones.ALL);
        return "team/setup";
    }

    @PostMapping("/setup")
    @Transactional
    String create(@Valid @ModelAttribute("form") SetupForm form, BindingResult errors,
            @RequestParam(required = false) String demoCompany, Model model, RedirectAttributes redirect) {
        requireFirstStart();
        if (!errors.hasErrors()) {
            try {
                administration.createFirstAdmin(form.email(), form.displayName(), TimeZones.of("timeZone", form.timeZone()),
                        passwords.hash(form.password()));
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), "conflict", ex.getMessage());
            }
        }
        if (errors.hasErrors()) {
            model.addAttribute("zones", Zones.ALL);
            return "team/setup";
        }
        if (demoCompany != null) {
            demo.fill();
        }
        redirect.addFlashAttribute("flash", demoCompany != null
                ? "Smartketing is ready, with the demo company. Sign in with your new account."
                : "Smartketing is ready. Sign in with your new account.");
        return "redirect:/login";
    }

    private void requireFirstStart() {
        if (people.anyActiveAdmin()) {
            throw new NotFoundException("Set-up");
        }
    }
}
