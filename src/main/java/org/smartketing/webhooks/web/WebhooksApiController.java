package org.smartketing.webhooks.web;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.smartketing.webhooks.delivery.DeliveryLog;
import org.smartketing.webhooks.endpoints.EndpointEditing;
import org.smartketing.webhooks.web.WebhookViews.DeliveryView;
import org.smartketing.webhooks.web.WebhookViews.EndpointView;
import org.smartketing.webhooks.web.WebhookViews.IssuedSecret;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Outgoing webhooks over JSON, for admins: endpoints, their secrets, their delivery log. */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
class WebhooksApiController {

    /** @param events event type codes, e.g. {@code lead.created} */
    record NewEndpoint(String url, List<String> events, String description) {
    }

    /** Only what is given changes; {@code enabled: true} turns an endpoint on again after failures. */
    record EndpointChange(String url, List<String> events, String description, Boolean enabled) {
    }

    private final EndpointEditing editing;
    private final DeliveryLog log;
    private final Clock clock;

    WebhooksApiController(EndpointEditing editing, DeliveryLog log, Clock clock) {
        this.editing = editing;
        this.log = log;
        this.clock = clock;
    }

    @ApiResponse(responseCode = "201", description = "Created")
    @PostMapping
    @Operation(operationId = "createWebhook", summary = "Register an endpoint for event types; its signing secret is in the answer, this once")
    ResponseEntity<IssuedSecret> create(@RequestBody NewEndpoint body) {
        EndpointEditing.Issued issued = editing.create(body.url(), body.events(), body.description());
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + issued.endpoint().id()))
                .body(new IssuedSecret(issued.endpoint().id(), issued.secret(), null));
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List the registered endpoints")
    List<EndpointView> list() {
        return editing.all().stream().map(e -> EndpointView.of(e, clock.instant())).toList();
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read an endpoint")
    EndpointView get(@PathVariable UUID id) {
        return EndpointView.of(editing.find(id), clock.instant());
    }

    @PatchMapping("/{id}")
    @Operation(operationId = "changeWebhook", summary = "Change an endpoint's URL, event types or description, or turn it on or off")
    EndpointView change(@PathVariable UUID id, @RequestBody EndpointChange body) {
        return EndpointView.of(editing.change(id, new EndpointEditing.Change(body.url(), body.events(),
                body.description(), body.enabled())), clock.instant());
    }

    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove an endpoint with its delivery log")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        editing.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Make a new signing secret; the old one keeps signing beside it for the overlap")
    IssuedSecret rotate(@PathVariable UUID id) {
        EndpointEditing.Issued issued = editing.rotate(id);
        return new IssuedSecret(id, issued.secret(), issued.endpoint().previousSecretValidUntil(clock.instant()));
    }

    @GetMapping("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The endpoint's newest deliveries with every attempt and what the receiver answered")
    List<DeliveryView> deliveries(@PathVariable UUID id, @RequestParam(defaultValue = "50") int limit) {
        return log.of(id, limit).stream().map(DeliveryView::of).toList();
    }

    @ApiResponse(responseCode = "202", description = "Queued to be sent again")
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a failed delivery again, with the same webhook-id")
    ResponseEntity<Void> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        log.redeliver(id, deliveryId);
        return ResponseEntity.accepted().build();
    }
}
