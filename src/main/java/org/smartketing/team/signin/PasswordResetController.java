package org.smartketing.team.signin;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.smartketing.shared.EmailAddress;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.people.Person;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Forgot your password?": ask for a link by email (a few per account and per address), then choose
 * a new password through it, which signs out the account's other sessions and may revoke its tokens.
 */
@Controller
class PasswordResetController {

    record ResetRequest(@NotBlank @EmailAddress String email) {
    }

    private final OneTimeLinks links;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final AccountSessions sessions;

    PasswordResetController(OneTimeLinks links, Passwords passwords, SignInThrottle throttle, AccountSessions sessions) {
        this.links = links;
        this.passwords = passwords;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @GetMapping("/password-reset")
    String requestForm(Model model) {
        model.addAttribute("form", new ResetRequest(null));
        return "team/password-reset-request";
    }

    @PostMapping("/password-reset")
    String request(@Valid @ModelAttribute("form") ResetRequest form, BindingResult errors,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return "team/password-reset-request";
        }
        String account = form.email().strip().toLowerCase(Locale.ROOT);
        switch (throttle.resetRequested(account, request.getRemoteAddr())) {
            case ADDRESS_LIMITED -> {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("status", 429);
                model.addAttribute("reason", "Too many reset requests");
                model.addAttribute("message", "Too many password resets were asked for from your address. "
                        + "Try again later.");
                return "error/general";
            }
            // Answered as always, so the limit tells nobody whether the account exists.
            case ACCOUNT_LIMITED -> { }
            case ALLOWED -> passwords.requestReset(form.email());
        }
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
            BindingResult errors, @RequestParam(defaultValue = "false") boolean revokeTokens, HttpServletRequest request,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("secret", secret);
            return "team/password-reset";
        }
        Person person;
        try {
            person = passwords.reset(secret, form.password(), revokeTokens);
        }
        catch (RuleViolationException ex) {
            throw new NotFoundException("Reset link");
        }
        throttle.succeeded(person.email());
        // After commit: whoever knew the old password is signed out everywhere.
        int ended = sessions.endAllBut(person, request.getSession(false) == null ? null : request.getSession(false).getId());
        redirect.addFlashAttribute("flash", "Your new password is set. Sign in with it."
                + (ended > 0 ? " Your other sessions are signed out." : "")
                + (revokeTokens ? " Your API tokens are revoked." : ""));
        return "redirect:/login";
    }
}
