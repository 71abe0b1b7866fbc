package org.smartketing.team.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Forgot your password?": ask for a link by email, then choose a new password through it. */
@Controller
class PasswordResetController {

    record ResetRequest(@NotBlank @EmailAddress String email) {
    }

    private final OneTimeLinks links;
    private final Passwords passwords;
    private final SignInThrottle throttle;

    PasswordResetController(OneTimeLinks links, Passwords passwords, SignInThrottle throttle) {
        this.links = links;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("form", new ResetRequest(null));
        return "team/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@Valid @ModelAttribute("form") ResetRequest form, BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "team/password-reset-request";
        }
        passwords.requestReset(form.email());
        redirect.addFlashAttribute("flash", "If " + form.email().strip()
                + " belongs to an account, a link to choose a new password is on its way.");
        return "redirect:/login";
    }

    @GetMapping("/password-reset/{secret}")
    String resetForm(@PathVariable String secret, Model model) {
        links.holder(secret, OneTimeLinks.Purpose.PASSWORD_RESET).orElseThrow(() -> new NotFoundException("Reset link"));
        model.addAttribute("secret", secret);
        model.addAttribute("form", new InvitationController.NewPassword(null, null));
        return "team/password-reset";
    }

    @PostMapping("/password-reset/{secret}")
    String reset(@PathVariable String secret, @Valid @ModelAttribute("form") InvitationController.NewPassword form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("secret", secret);
            return "team/password-reset";
        }
        try {
            throttle.succeeded(passwords.reset(secret, form.password()).email());
        }
        catch (RuleViolationException ex) {
            throw new NotFoundException("Reset link");
        }
        redirect.addFlashAttribute("flash", "Your new password is set. Sign in with it.");
        return "redirect:/login";
    }
}
