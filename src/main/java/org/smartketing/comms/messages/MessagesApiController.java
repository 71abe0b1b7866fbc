package org.smartketing.comms.messages;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
import org.smartketing.comms.messages.MessageRecords.MessageLine;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.shared.PageOf;
import org.smartketing.shared.PlainText;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvWriter;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Sending, listing, reading and acknowledging messages over JSON. */
@RestController
@Tag(name = "Messages")
@RequestMapping("/api/v1/messages")
class MessagesApiController {

    /** Exactly one of the three. */
    record To(UUID person, @Size(max = 120) @PlainText String jobRole, UUID team) {
    }

    record SendRequest(@NotNull @Valid To to, @NotNull Urgency urgency,
            @NotBlank @Size(max = MessageSending.SUBJECT_MAX) @PlainText String subject,
            @NotBlank @Size(max = MessageSending.BODY_MAX) @PlainText String body, @Valid About regarding) {
    }

    /** What the message is about, e.g. {@code {"kind": "lead", "id": "…"}}; optional. */
    record About(@NotBlank @Size(max = 40) String kind, @NotBlank @Size(max = 100) String id) {
    }

    record StepView(int step, UUID person, String personName, String channel, String reason, Integer waitMinutes,
            boolean held, String state, Instant dueAt, int attempts, Instant deliveredAt, String lastError) {
    }

    /** {@code detail} (address, remote status) only for admins. */
    record AttemptView(int step, int attempt, String channel, Instant at, String outcome, String reason,
            String detail) {
    }

    record RecipientView(UUID person, String name, Integer promisedMinutes, Instant firstDeliveredAt,
            Instant acknowledgedAt, String acknowledgedBy, List<StepView> plan, List<AttemptView> deliveries) {
    }

    record MessageView(MessageId id, String from, String to, Urgency urgency, String subject, String body,
            Regarding regarding, Instant sentAt, List<RecipientView> recipients) {

        static MessageView of(MessageDetails d, SignedInPerson viewer) {
            var m = d.message();
            return new MessageView(m.id(), m.senderName(), m.audienceLabel(), m.urgency(), m.subject(), m.body(),
                    m.regarding(), m.sentAt(), d.recipients().stream().map(r -> new RecipientView(r.personId(),
                            r.personName(), r.promisedMinutes(), r.firstDeliveredAt(), r.acknowledgedAt(),
                            r.acknowledgedByName(), d.stepsOf(r.personId()).stream().map(s -> new StepView(s.stepNo(),
                                    s.personId(), s.personName(), s.channel().name(), s.reason(), s.waitMinutes(),
                                    s.held(), s.state().name(), s.dueAt(), s.attempts(), s.deliveredAt(),
                                    s.lastError())).toList(),
                            d.stepsOf(r.personId()).stream().flatMap(s -> d.attemptsOf(s.id()).stream()
                                    .map(a -> new AttemptView(s.stepNo(), a.attempt(), a.channel().name(), a.at(),
                                            a.outcome(), a.reason(), viewer.isAdmin() ? a.detail() : null)))
                                    .toList())).toList());
        }
    }

    record AckView(MessageId message, UUID recipient, String recipientName, boolean acknowledgedNow) {
    }

    private final Messenger messenger;
    private final MessageReading reading;
    private final Acknowledgements acknowledgements;
    private final RegardingLinks regardingLinks;
    private final MessageMeasures measures;
    private final CsvDownloads csv;

    MessagesApiController(Messenger messenger, MessageReading reading, Acknowledgements acknowledgements,
            RegardingLinks regardingLinks, MessageMeasures measures, CsvDownloads csv) {
        this.csv = csv;
        this.measures = measures;
        this.messenger = messenger;
        this.reading = reading;
        this.acknowledgements = acknowledgements;
        this.regardingLinks = regardingLinks;
    }

    @Operation(operationId = "sendMessage", summary = "Send a message to people, a department or a role, with the response time it expects")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    ResponseEntity<MessageView> send(@Valid @RequestBody SendRequest request, @AuthenticationPrincipal SignedInPerson me) {
        Regarding regarding = request.regarding() == null ? null
                : regardingLinks.resolve(request.regarding().kind(), request.regarding().id(), me);
        MessageId id;
        try {
            id = messenger.send(new NewMessage(me.id(), audience(request.to()), request.urgency(), request.subject(),
                    request.body(), regarding, null));
        }
        catch (NotFoundException ex) {
            throw new InvalidFieldException("to.person", "is nobody who can receive messages");
        }
        return ResponseEntity.created(URI.create("/api/v1/messages/" + id)).body(MessageView.of(reading.details(id, me), me));
    }

    /** {@code ?box=received} (default) or {@code sent}; paged. */
    @Operation(operationId = "listMessages", summary = "The messages you received or sent, a page at a time")
    @GetMapping
    PageOf<MessageLine> list(@RequestParam(defaultValue = "received") String box,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            @AuthenticationPrincipal SignedInPerson me) {
        PageOf.Request request = PageOf.Request.of(page, size);
        return switch (box) {
            case "received" -> reading.received(me, request);
            case "sent" -> reading.sent(me, request);
            default -> throw new InvalidFieldException("box", "must be received or sent");
        };
    }

    /** The same list as CSV: every message in the box, not a page. */
    @GetMapping(produces = CsvDownloads.TEXT_CSV)
    void csv(@RequestParam(defaultValue = "received") String box, @AuthenticationPrincipal SignedInPerson me,
            HttpServletResponse response) throws IOException {
        list(box, 0, 1, me); // an unknown box is refused before the file begins
        csv.send(response, "messages-" + box + ".csv", MessageLine.class,
                CsvWriter.Rows.allPages(page -> list(box, page.page(), page.size(), me)));
    }

    /**
     * {@code ?days=90}, 1–366. Here rather than beside the measures page so that a {@code days} it cannot
     * read is answered as problem details naming it, like every other API parameter.
     */
    @Operation(operationId = "getMessageMeasures", summary = "How quickly messages were acknowledged over the last days")
    @GetMapping("/measures")
    MessageMeasures.Measures measures(@RequestParam(defaultValue = "90") int days) {
        if (days < 1 || days > 366) {
            throw new InvalidFieldException("days", "must be between 1 and 366");
        }
        return measures.over(Duration.ofDays(days));
    }

    @Operation(operationId = "getMessage", summary = "Read a message with each recipient's steps")
    @GetMapping("/{id}")
    MessageView get(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        return MessageView.of(reading.details(new MessageId(id), me), me);
    }

    @Operation(operationId = "acknowledgeMessage", summary = "Acknowledge a message you received")
    @PostMapping("/{id}/ack")
    AckView acknowledge(@PathVariable UUID id, @AuthenticationPrincipal SignedInPerson me) {
        Acknowledgements.Acknowledged ack = acknowledgements.byPerson(new MessageId(id), me.id());
        return new AckView(ack.message(), ack.recipient(), ack.recipientName(), ack.now());
    }

    static Audience audience(To to) {
        int given = (to.person() != null ? 1 : 0) + (to.jobRole() != null && !to.jobRole().isBlank() ? 1 : 0)
                + (to.team() != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidFieldException("to", "name exactly one of person, jobRole or team");
        }
        if (to.person() != null) {
            return Audience.person(new PersonId(to.person()));
        }
        return to.team() != null ? Audience.team(new TeamId(to.team())) : Audience.jobRole(to.jobRole());
    }
}
