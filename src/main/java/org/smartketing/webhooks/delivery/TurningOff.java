package org.smartketing.webhooks.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.team.AppRole;
import org.smartketing.team.AuditLog;
import org.smartketing.team.TeamDirectory;
import org.smartketing.webhooks.endpoints.Endpoint;
import org.smartketing.webhooks.endpoints.Endpoints;
import org.smartketing.webhooks.endpoints.WebhookSettings;
import org.springframework.stereotype.Component;

/**
 * Turns off an endpoint whose receiver keeps failing: {@code disable-after-failures} failed
 * attempts in a row over at least {@code disable-after-failing-for}, so a short outage with many
 * deliveries does not. Every enabled admin gets a message (through the communication part, the
 * way each asked to be reached), in the transaction that turns it off.
 */
@Component
class TurningOff {

    private static final Logger log = LoggerFactory.getLogger(TurningOff.class);

    private final Endpoints endpoints;
    private final Messenger messenger;
    private final TeamDirectory directory;
    private final AuditLog audit;
    private final WebhookSettings settings;

    TurningOff(Endpoints endpoints, Messenger messenger, TeamDirectory directory, AuditLog audit,
            WebhookSettings settings) {
        this.endpoints = endpoints;
        this.messenger = messenger;
        this.directory = directory;
        this.audit = audit;
        this.settings = settings;
    }

    /** Turns the endpoint off when it has failed too often for too long; true when it is off now. */
    boolean ifFailingTooLong(Endpoint endpoint, Instant now) {
        Duration failingFor = endpoint.failingSince() == null ? Duration.ZERO
                : Duration.between(endpoint.failingSince(), now);
        if (endpoint.failuresInARow() < settings.disableAfterFailures()
                || failingFor.compareTo(settings.disableAfterFailingFor()) < 0) {
            return false;
        }
        String reason = "Turned off after " + endpoint.failuresInARow() + " failed attempts in a row";
        if (endpoints.disable(endpoint.id(), reason, now)) {
            log.warn("Webhook endpoint {} ({}) turned off: {}", endpoint.id(), endpoint.host(), reason);
            audit.record("webhook", endpoint.id(), "turned-off", null, Map.of("reason", reason));
            tellAdmins(endpoint, reason);
        }
        return true;
    }

    private void tellAdmins(Endpoint endpoint, String reason) {
        String subject = "A webhook endpoint was turned off: " + endpoint.host();
        String body = "Deliveries to " + endpoint.url() + " kept failing. " + reason + ".\n\n"
                + "No more events are sent there until an admin turns it on again under Admin → Webhooks, "
                + "where the delivery log shows what the receiver answered. Failed deliveries can be sent again "
                + "from there once it works.\n";
        Regarding regarding = new Regarding("webhook", endpoint.id().toString(), endpoint.host(),
                "/admin/webhooks/" + endpoint.id());
        directory.enabledPeople().stream().filter(p -> p.appRole() == AppRole.ADMIN)
                .forEach(admin -> messenger.send(NewMessage.system(admin.id(), Urgency.NORMAL, subject, body, regarding)));
    }
}
