package org.smartketing.comms.reach;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotFoundException;
import org.smartketing.team.PersonId;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A person's reach by API: any token reads it; the person themselves or an admin changes
 * expectations and off-grid periods; only the person adds and verifies their own phone or chat
 * (the code goes to them). Who may write is checked before the body is looked at.
 */
@RestController
@Tag(name = "Reachability")
class ReachApiController {

    record ExpectationView(List<Channel> channels, long responseMinutes) {
    }

    record QuietHoursView(String from, String until) {
    }

    record OffGridView(UUID id, Instant from, Instant until, UUID delegateId, Map<Urgency, List<Channel>> stillReach,
            String note) {

        static OffGridView of(OffGridPeriods.Period p) {
            return new OffGridView(p.id(), p.from(), p.until(), p.delegate() == null ? null : p.delegate().value(),
                    p.offGrid().stillReach(), p.note());
        }
    }

    record ContactMethodView(String kind, String address, boolean verified) {
    }

    record ExpectationsView(UUID personId, boolean confirmed, ExpectationView urgent, ExpectationView normal,
            ExpectationView fyi, QuietHoursView quietHours, List<Channel> usableChannels, OffGridView offGridNow,
            List<ContactMethodView> contactMethods) {
    }

    record NewContactMethod(String kind, String address) {
    }

    record Code(String code) {
    }

    private final StoredReachBook book;
    private final ReachEditing editing;
    private final ContactVerification verification;
    private final OffGridPeriods offGrid;
    private final Clock clock;

    ReachApiController(StoredReachBook book, ReachEditing editing, ContactVerification verification,
            OffGridPeriods offGrid, Clock clock) {
        this.book = book;
        this.editing = editing;
        this.verification = verification;
        this.offGrid = offGrid;
        this.clock = clock;
    }

    @Operation(operationId = "getResponseExpectations", summary = "A person's promised response times per urgency")
    @GetMapping("/api/v1/people/{id}/expectations")
    ExpectationsView expectations(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id) {
        return view(me, new PersonId(id));
    }

    @Operation(operationId = "replaceResponseExpectations", summary = "Replace a person's promised response times")
    @PutMapping("/api/v1/people/{id}/expectations")
    ExpectationsView replace(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id,
            @RequestBody(required = false) ExpectationsInput input) {
        PersonId person = mayChange(me, id);
        editing.saveExpectations(person, input);
        return view(me, person);
    }

    @Operation(operationId = "listOffGrid", summary = "A person's off-grid times (away, holidays)")
    @GetMapping("/api/v1/people/{id}/off-grid")
    List<OffGridView> offGrid(@PathVariable UUID id) {
        PersonId person = existing(new PersonId(id));
        return offGrid.ahead(person, clock.instant()).stream().map(OffGridView::of).toList();
    }

    @Operation(operationId = "addOffGrid", summary = "Add an off-grid time for a person")
    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping("/api/v1/people/{id}/off-grid")
    ResponseEntity<OffGridView> addOffGrid(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id,
            @RequestBody(required = false) OffGridInput input) {
        PersonId person = mayChange(me, id);
        existing(person);
        OffGridView created = OffGridView.of(editing.addOffGrid(person, input));
        return ResponseEntity.created(URI.create("/api/v1/people/" + id + "/off-grid")).body(created);
    }

    @Operation(operationId = "removeOffGrid", summary = "Remove an off-grid time")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/off-grid/{id}")
    ResponseEntity<Void> removeOffGrid(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id) {
        OffGridPeriods.Period period = offGrid.byId(id).orElseThrow(() -> new NotFoundException("Off-grid period"));
        mayChange(me, period.person().value());
        editing.removeOffGrid(period.person(), id);
        return ResponseEntity.noContent().build();
    }

    /** Stores the phone or chat webhook unverified and sends a code through it: 202 while it waits for the code. */
    @Operation(operationId = "addContactMethod", summary = "Add a phone or chat webhook to reach a person by; a code to verify it is sent through it")
    @ApiResponse(responseCode = "202", description = "Added; a code to verify it is on its way")
    @PostMapping("/api/v1/people/{id}/contact-methods")
    ResponseEntity<ContactMethodView> addContactMethod(@AuthenticationPrincipal SignedInPerson me,
            @PathVariable UUID id, @RequestBody(required = false) NewContactMethod input) {
        PersonId person = onlySelf(me, id);
        if (input == null || input.kind() == null) {
            throw new InvalidFieldException("kind", "must be phone or chat");
        }
        ContactMethods.Kind kind = ContactVerification.kind(input.kind());
        if (kind == ContactMethods.Kind.PHONE) {
            try {
                verification.addPhone(person, input.address());
            }
            catch (InvalidFieldException ex) {
                throw new InvalidFieldException("address", ex.getMessage());
            }
        }
        else {
            try {
                verification.addChat(person, input.address());
            }
            catch (InvalidFieldException ex) {
                throw new InvalidFieldException("address", ex.getMessage());
            }
        }
        ContactMethods.ContactMethod added = verification.of(person).stream().filter(m -> m.kind() == kind)
                .findFirst().orElseThrow();
        return ResponseEntity.accepted().body(new ContactMethodView(kind.name(), added.address(), false));
    }

    @Operation(operationId = "verifyContactMethod", summary = "Verify a contact method with the code sent through it")
    @PostMapping("/api/v1/people/{id}/contact-methods/{type}/verification")
    ContactMethodView verify(@AuthenticationPrincipal SignedInPerson me, @PathVariable UUID id,
            @PathVariable String type, @RequestBody(required = false) Code code) {
        PersonId person = onlySelf(me, id);
        ContactMethods.Kind kind = ContactVerification.kind(type);
        verification.verify(person, kind, code == null ? null : code.code());
        ContactMethods.ContactMethod method = verification.of(person).stream().filter(m -> m.kind() == kind)
                .findFirst().orElseThrow();
        return new ContactMethodView(kind.name(), method.address(), method.verified());
    }

    private ExpectationsView view(SignedInPerson me, PersonId person) {
        Reach reach = book.reachOf(person, clock.instant()).orElseThrow(() -> new NotFoundException("Person"));
        boolean private_ = me.id().equals(person) || me.isAdmin();
        Map<Urgency, ExpectationView> views = new EnumMap<>(Urgency.class);
        reach.expectations().forEach((u, e) -> views.put(u, new ExpectationView(e.channels(),
                e.responseTime().toMinutes())));
        return new ExpectationsView(person.value(), reach.confirmed(), views.get(Urgency.URGENT),
                views.get(Urgency.NORMAL), views.get(Urgency.FYI),
                reach.quietHours() == null ? null : new QuietHoursView(reach.quietHours().from().toString(),
                        reach.quietHours().until().toString()),
                reach.verifiedAddresses().keySet().stream().sorted().toList(),
                offGrid.covering(person, clock.instant()).map(OffGridView::of).orElse(null),
                verification.of(person).stream().map(m -> new ContactMethodView(m.kind().name(),
                        private_ ? m.address() : null, m.verified())).toList());
    }

    private PersonId existing(PersonId person) {
        return book.reachOf(person, clock.instant()).map(r -> person)
                .orElseThrow(() -> new NotFoundException("Person"));
    }

    private static PersonId mayChange(SignedInPerson me, UUID id) {
        if (!me.id().value().equals(id) && !me.isAdmin()) {
            throw new AccessDeniedException("Only the person themselves or an admin changes how they are reached.");
        }
        return new PersonId(id);
    }

    private static PersonId onlySelf(SignedInPerson me, UUID id) {
        if (!me.id().value().equals(id)) {
            throw new AccessDeniedException("Only the person themselves adds and verifies their contact methods.");
        }
        return new PersonId(id);
    }
}
