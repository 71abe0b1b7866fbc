package org.smartketing.team.people;

import jakarta.validation.Valid;

import org.smartketing.team.SignedInPerson;
import org.smartketing.team.signin.Zones;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone edits their own name, job role, time zone and working hours. */
@Controller
class ProfileController {

    private final People people;
    private final PersonAdministration administration;

    ProfileController(People people, PersonAdministration administration) {
        this.people = people;
        this.administration = administration;
    }

    @GetMapping("/profile")
    String mine(@AuthenticationPrincipal SignedInPerson me) {
        return "redirect:/people/" + me.id();
    }

    @GetMapping("/profile/edit")
    String form(@AuthenticationPrincipal SignedInPerson me, Model model) {
        return form(model, ProfileDetails.of(people.byId(me.id()).orElseThrow()));
    }

    @PostMapping("/profile")
    String save(@AuthenticationPrincipal SignedInPerson me, @Valid @ModelAttribute("form") ProfileDetails form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model, form);
        }
        administration.updateProfile(me.id(), form);
        redirect.addFlashAttribute("flash", "Your profile is saved.");
        return "redirect:/people/" + me.id();
    }

    private String form(Model model, ProfileDetails form) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("zones", Zones.ALL);
        model.addAttribute("days", java.time.DayOfWeek.values());
        return "team/profile-form";
    }
}
