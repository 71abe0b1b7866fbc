package org.smartketing.team.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.Person;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Changing one's own password: this session goes on, every other one is signed out. */
@Controller
class PasswordChangeController {

    record PasswordChange(@NotBlank(message = "give your current password") String current,
            @ValidPassword String password, String confirmation, Boolean revokeTokens) {

        boolean revokes() {
            return Boolean.TRUE.equals(revokeTokens);
        }

        @AssertTrue(message = "the two passwords differ")
        public boolean isConfirmed() {
            return password == null || password.equals(confirmation);
        }
    }

    private final Passwords passwords;
    private final AccountSessions sessions;
    private final SignInThrottle throttle;

    PasswordChangeController(Passwords passwords, AccountSessions sessions, SignInThrottle throttle) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @GetMapping("/profile/password")
    String form(Model model) {
        model.addAttribute("form", new PasswordChange(null, null, null, null));
        return "team/password-change";
    }

    @PostMapping("/profile/password")
    String change(@AuthenticationPrincipal SignedInPerson me, @Valid @ModelAttribute("form") PasswordChange form,
            BindingResult errors, HttpServletRequest request, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Person person = passwords.change(me.id(), form.current(), form.password(), form.revokes());
                throttle.succeeded(person.email());
                int ended = sessions.endAllBut(person, request.getSession().getId());
                redirect.addFlashAttribute("flash", "Your new password is set."
                        + (ended > 0 ? " Your other sessions are signed out." : "")
                        + (form.revokes() ? " Your API tokens are revoked." : ""));
                return "redirect:/people/" + me.id();
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(ex.field(), "invalid", ex.getMessage());
            }
        }
        return "team/password-change";
    }
}
