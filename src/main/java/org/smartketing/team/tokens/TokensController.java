package org.smartketing.team.tokens;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Each person's own API tokens: create (the secret is shown once), list, revoke. */
@Controller
class TokensController {

    record NewToken(@NotBlank @Size(max = 60) @PlainText String name, @NotNull TokenScope scope) {
    }

    private final ApiTokens tokens;

    TokensController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/tokens")
    String list(@AuthenticationPrincipal SignedInPerson me, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewToken(null, TokenScope.READ));
        }
        model.addAttribute("tokens", tokens.ofOwner(me.id()));
        model.addAttribute("scopes", TokenScope.values());
        return "team/tokens";
    }

    @PostMapping("/tokens")
    String create(@AuthenticationPrincipal SignedInPerson me, @Valid @ModelAttribute("form") NewToken form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return list(me, model);
        }
        redirect.addFlashAttribute("newSecret", tokens.create(me.id(), form.name(), form.scope()).secret());
        return "redirect:/tokens";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id, RedirectAttributes redirect) {
        tokens.revoke(me.id(), id);
        redirect.addFlashAttribute("flash", "Token revoked; scripts using it are refused from now on.");
        return "redirect:/tokens";
    }
}
