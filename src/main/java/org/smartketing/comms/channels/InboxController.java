package org.smartketing.comms.channels;

import java.time.Clock;
import java.util.UUID;

import org.smartketing.shared.PageOf;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Everyone's own in-app inbox, and the stream that keeps the unread count in the menu live. */
@Controller
class InboxController {

    private final Inbox inbox;
    private final UnreadCounts unread;
    private final Clock clock;

    InboxController(Inbox inbox, UnreadCounts unread, Clock clock) {
        this.inbox = inbox;
        this.unread = unread;
        this.clock = clock;
    }

    @GetMapping("/inbox")
    String inbox(@AuthenticationPrincipal SignedInPerson me, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Model model) {
        model.addAttribute("page", inbox.of(me.id(), PageOf.Request.of(page, size)));
        model.addAttribute("unread", inbox.unread(me.id()));
        return "comms/inbox";
    }

    @GetMapping(path = "/inbox/unread", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter unreadCount(@AuthenticationPrincipal SignedInPerson me) {
        return unread.open(me.id());
    }

    @PostMapping("/inbox/{id}/read")
    String markRead(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id) {
        if (inbox.markRead(me.id(), id, clock.instant())) {
            unread.changed(me.id());
        }
        return "redirect:/inbox";
    }

    @PostMapping("/inbox/read")
    String markAllRead(@AuthenticationPrincipal SignedInPerson me, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(me.id(), clock.instant());
        unread.changed(me.id());
        redirect.addFlashAttribute("flash", marked == 1 ? "1 item marked read." : marked + " items marked read.");
        return "redirect:/inbox";
    }
}
