package org.smartketing.mail;

import org.smartketing.shared.PageOf;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins read what the application has emailed, and whether it left the building. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class OutboxController {

    private final MailMessages messages;

    OutboxController(MailMessages messages) {
        this.messages = messages;
    }

    @GetMapping("/admin/outbox")
    String outbox(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("mails", messages.newestFirst(PageOf.Request.of(page, 20)));
        return "mail/outbox";
    }
}
