package org.smartketing.team.signin;

import jakarta.validation.Valid;

import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.people.People;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An invited person opens the emailed link and chooses a password. */
@Controller
class InvitationController {

    record NewPassword(@ValidPassword String password, String confirmation) {

        @jakarta.validation.constraints.AssertTrue(message = "the two passwords differ")
        public boolean isConfirmed() {
            return password == null || password.equals(confirmation);
        }
    }

    private final OneTimeLinks links;
    private final People people;
    private final Passwords passwords;

    InvitationController(OneTimeLinks links, People people, Passwords passwords) {
        this.links = links;
        this.people = people;
        this.passwords = passwords;
    }

    @GetMapping("/invitations/{secret}")
    String form(@PathVariable String secret, Model model) {
        var person = links.holder(secret, OneTimeLinks.Purpose.INVITATION).flatMap(people::byId)
                .orElseThrow(() -> new NotFoundException("Invitation"));
        model.addAttribute("person", person);
        model.addAttribute("secret", secret);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewPassword(null, null));
        }
        return "team/invitation";
    }

    @PostMapping("/invitations/{secret}")
    String accept(@PathVariable String secret, @Valid @ModelAttribute("form") NewPassword form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(secret, model);
        }
        try {
            passwords.acceptInvitation(secret, form.password());
        }
        catch (RuleViolationException ex) {
            throw new NotFoundException("Invitation");
        }
        redirect.addFlashAttribute("flash", "Your password is set. Welcome aboard — sign in.");
        return "redirect:/login";
    }
}
