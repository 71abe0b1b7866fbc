package org.smartketing.comms.messages;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.comms.Audience;
import org.smartketing.comms.MessageId;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.comms.messages.MessageRecords.MessageDetails;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.PlainText;
import org.smartketing.shared.RuleViolationException;
import org.smartketing.team.PersonId;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.smartketing.team.TeamId;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
 * The message pages: what I received and sent, writing a message, and one message with each
 * recipient's plan (and why each step), its deliveries and the acknowledge button. The signed
 * acknowledgement links from email and text land on a confirm page that needs no sign-in; only
 * its POST acknowledges, so link scanners that follow GETs acknowledge nothing.
 */
@Controller
class MessagesController {

    /** The compose form: {@code to} is {@code person:<id>}, {@code role:<job role>} or {@code team:<id>}. */
    record ComposeForm(@NotBlank(message = "choose who it is for") String to,
            @NotNull(message = "choose how urgent it is") Urgency urgency,
            @NotBlank(message = "must not be empty") @Size(max = MessageSending.SUBJECT_MAX) @PlainText String subject,
            @NotBlank(message = "must not be empty") @Size(max = MessageSending.BODY_MAX) @PlainText String body,
            @Size(max = 150) String regarding) {
    }

    private final Messenger messenger;
    private final MessageReading reading;
    private final Acknowledgements acknowledgements;
    private final AcknowledgeLinks links;
    private final TeamDirectory directory;
    private final RegardingLinks regardingLinks;

    MessagesController(Messenger messenger, MessageReading reading, Acknowledgements acknowledgements,
            AcknowledgeLinks links, TeamDirectory directory, RegardingLinks regardingLinks) {
        this.regardingLinks = regardingLinks;
        this.messenger = messenger;
        this.reading = reading;
        this.acknowledgements = acknowledgements;
        this.links = links;
        this.directory = directory;
    }

    @GetMapping("/messages")
    String list(@RequestParam(defaultValue = "received") String box, @RequestParam(required = false) Integer page,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        boolean sent = "sent".equals(box);
        PageOf.Request request = PageOf.Request.of(page, PageOf.DEFAULT_SIZE);
        model.addAttribute("box", sent ? "sent" : "received");
        model.addAttribute("messages", sent ? reading.sent(me, request) : reading.received(me, request));
        return "comms/messages";
    }

    /** {@code ?regarding=<kind>:<id>} (from a lead's or meeting's page) makes the message about that thing. */
    @GetMapping("/messages/new")
    String compose(@RequestParam(required = false) UUID to, @RequestParam(required = false) String regarding,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        if (regarding != null && !regarding.isBlank()) {
            model.addAttribute("about", regardingLinks.resolve(regarding, me));
        }
        model.addAttribute("form", new ComposeForm(to == null ? null : "person:" + to, Urgency.NORMAL, null, null,
                regarding == null || regarding.isBlank() ? null : regarding.strip()));
        return composePage(me, model);
    }

    @PostMapping("/messages")
    String send(@Valid @ModelAttribute("form") ComposeForm form, BindingResult errors,
            @AuthenticationPrincipal SignedInPerson me, Model model) {
        Regarding about = null;
        // Without a target (a field that could not be converted) there is nothing to reject a value on yet.
        if (form.regarding() != null && !errors.hasFieldErrors("regarding") && errors.getTarget() != null) {
            try {
                about = regardingLinks.resolve(form.regarding(), me);
                model.addAttribute("about", about);
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue("regarding", "invalid", ex.field() + " " + ex.getMessage());
            }
            catch (NotFoundException ex) {
                errors.rejectValue("regarding", "invalid", "regarding.id: " + ex.getMessage());
            }
        }
        if (!errors.hasErrors()) {
            try {
                MessageId id = messenger.send(new NewMessage(me.id(), audience(form.to()), form.urgency(),
                        form.subject(), form.body(), about, null));
                return "redirect:/messages/" + id + "?sent";
            }
            catch (InvalidFieldException ex) {
                errors.rejectValue(List.of("to", "urgency", "subject", "body").contains(ex.field()) ? ex.field() : "to",
                        "invalid", ex.getMessage());
            }
            catch (NotFoundException ex) {
                errors.rejectValue("to", "invalid", "nobody by that name can receive messages");
            }
        }
        return composePage(me, model);
    }

    @GetMapping("/messages/{id}")
    String message(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me, Model model) {
        MessageDetails details = reading.details(new MessageId(id), me);
        model.addAttribute("details", details);
        model.addAttribute("mayAcknowledge", details.message().urgency() != Urgency.FYI
                && details.recipients().stream().anyMatch(r -> !r.acknowledged() && (r.personId().equals(me.id().value())
                        || details.stepsOf(r.personId()).stream().anyMatch(s -> s.personId().equals(me.id().value())
                                && s.deliveredAt() != null))));
        return "comms/message";
    }

    @PostMapping("/messages/{id}/ack")
    String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            Acknowledgements.Acknowledged ack = acknowledgements.byPerson(new MessageId(id), me.id());
            redirect.addFlashAttribute("flash", ack.now() ? "Acknowledged: nobody else will be paged for it."
                    : "It was already acknowledged.");
        }
        catch (RuleViolationException ex) {
            redirect.addFlashAttribute("flash", ex.getMessage());
        }
        return "inbox".equals(back) ? "redirect:/inbox" : "redirect:/messages/" + id;
    }

    /** The link from an email or text: a confirm page only. */
    @GetMapping("/ack/{secret}")
    String confirm(@PathVariable String secret, Model model) {
        UUID step = links.stepOf(secret).orElseThrow(() -> new NotFoundException("This link is not valid"));
        model.addAttribute("summary", acknowledgements.summaryOf(step));
        model.addAttribute("secret", secret);
        return "comms/ack";
    }

    @PostMapping("/ack/{secret}")
    String acknowledgeByLink(@PathVariable String secret, Model model) {
        UUID step = links.stepOf(secret).orElseThrow(() -> new NotFoundException("This link is not valid"));
        Acknowledgements.Acknowledged ack = acknowledgements.byLink(step);
        model.addAttribute("summary", acknowledgements.summaryOf(step));
        model.addAttribute("done", ack.now() ? "Thank you: acknowledged. Nobody else will be paged for it."
                : "It was already acknowledged.");
        return "comms/ack";
    }

    private String composePage(SignedInPerson me, Model model) {
        List<PersonSummary> people = directory.enabledPeople().stream().filter(p -> !p.id().equals(me.id()))
                .sorted(Comparator.comparing(PersonSummary::displayName, String.CASE_INSENSITIVE_ORDER)).toList();
        model.addAttribute("people", people);
        model.addAttribute("jobRoles", directory.enabledPeople().stream().map(PersonSummary::jobRole)
                .filter(Objects::nonNull).map(String::strip).filter(r -> !r.isEmpty()).distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList());
        model.addAttribute("teams", directory.teamNames());
        model.addAttribute("urgencies", Urgency.values());
        return "comms/compose";
    }

    /** {@code person:<id>}, {@code role:<job role>} or {@code team:<id>}. */
    private static Audience audience(String to) {
        int colon = to.indexOf(':');
        String kind = colon < 0 ? "" : to.substring(0, colon);
        String value = colon < 0 ? "" : to.substring(colon + 1);
        try {
            return switch (kind) {
                case "person" -> Audience.person(new PersonId(UUID.fromString(value)));
                case "team" -> Audience.team(new TeamId(UUID.fromString(value)));
                case "role" -> Audience.jobRole(value);
                default -> throw new InvalidFieldException("to", "choose a person, a job role or a team");
            };
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("to", "choose a person, a job role or a team");
        }
    }
}
