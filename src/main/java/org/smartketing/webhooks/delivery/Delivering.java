package org.smartketing.webhooks.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartketing.shared.jobs.ScheduledJobs;
import org.smartketing.shared.outbound.CallFailedException;
import org.smartketing.shared.outbound.OutboundHttp;
import org.smartketing.webhooks.endpoints.Endpoint;
import org.smartketing.webhooks.endpoints.Endpoints;
import org.smartketing.webhooks.endpoints.Signatures;
import org.smartketing.webhooks.endpoints.WebhookSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Runs one attempt of one delivery. The attempt first claims the delivery ({@code PENDING →
 * SENDING} for exactly this attempt, a guarded UPDATE committed before the call), so whichever node
 * runs the job, and however often db-scheduler starts it, one call is made per attempt. Then the
 * receiver's answer is recorded: 2xx → DELIVERED, never sent again; anything else, or no answer
 * within the outbound timeouts → the next attempt's job after a doubling wait, or FAILED once
 * the delivery has been tried for {@code retry-for}. Failures in a row count against the
 * endpoint, which is turned off after enough of them ({@link TurningOff}).
 *
 * <p>A node that stops mid-call leaves the delivery SENDING; db-scheduler gives the job to another
 * node, which claims it again once it has been SENDING for {@code stale-sending-after} and sends
 * it (the receiver had not answered 2xx, as far as anyone knows; the same {@code webhook-id} lets
 * it tell).
 */
@Component
class Delivering {

    static final String ATTEMPT_TASK = "webhook-attempt";
    static final String RECEIVER = "the webhook receiver";

    private static final Logger log = LoggerFactory.getLogger(Delivering.class);

    private final Deliveries deliveries;
    private final Endpoints endpoints;
    private final OutboundHttp http;
    private final ScheduledJobs jobs;
    private final TurningOff turningOff;
    private final WebhookSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;

    Delivering(Deliveries deliveries, Endpoints endpoints, OutboundHttp http, ScheduledJobs jobs, TurningOff turningOff,
            WebhookSettings settings, PlatformTransactionManager transactions, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.http = http;
        this.jobs = jobs;
        this.turningOff = turningOff;
        this.settings = settings;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Schedules the attempt numbered {@code attempt} of the delivery, in the caller's transaction. */
    void schedule(UUID delivery, int attempt, Instant at) {
        jobs.schedule(new TaskInstance<Void>(ATTEMPT_TASK, delivery + "/" + attempt), at);
    }

    void attempt(String jobId) {
        int slash = jobId.indexOf('/');
        UUID id = UUID.fromString(jobId.substring(0, slash));
        int attempt = Integer.parseInt(jobId.substring(slash + 1));
        Optional<Claimed> claimed = tx.execute(status -> claim(id, attempt));
        if (claimed.isEmpty()) {
            log.debug("Webhook attempt {} found nothing to send", jobId);
            return;
        }
        Delivery.Attempt outcome = send(claimed.get(), attempt);
        tx.executeWithoutResult(status -> record(claimed.get(), outcome));
    }

    private record Claimed(Delivery delivery, Endpoint endpoint) {
    }

    private Optional<Claimed> claim(UUID id, int attempt) {
        Optional<Delivery> delivery = deliveries.byId(id);
        if (delivery.isEmpty()) {
            return Optional.empty();
        }
        Optional<Endpoint> endpoint = endpoints.byId(delivery.get().endpointId());
        Instant now = clock.instant();
        if (endpoint.isPresent() && !endpoint.get().enabled()) {
            if (delivery.get().state() == Delivery.State.PENDING) {
                deliveries.failed(id, "not sent: the endpoint is turned off");
            }
            return Optional.empty();
        }
        if (endpoint.isEmpty() || !deliveries.claim(id, attempt, now, now.minus(settings.staleSendingAfter()))) {
            return Optional.empty();
        }
        return Optional.of(new Claimed(delivery.get(), endpoint.get()));
    }

    private Delivery.Attempt send(Claimed claimed, int attempt) {
        Delivery delivery = claimed.delivery();
        Instant startedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        long timestamp = startedAt.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("webhook-id", delivery.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", Signatures.header(claimed.endpoint().signingSecrets(startedAt),
                delivery.messageId(), timestamp, delivery.payload()));
        headers.put("User-Agent", "Smartketing-Webhooks/1");
        long started = System.nanoTime();
        try {
            OutboundHttp.Answer answer = http.post(claimed.endpoint().url(), "application/json", delivery.payload(),
                    headers, RECEIVER);
            return new Delivery.Attempt(attempt, startedAt, millisSince(started), answer.status(), answer.body(),
                    answer.taken() ? null : RECEIVER + " answered " + answer.status());
        }
        catch (CallFailedException ex) {
            String error = ex.getMessage() + (ex.detail() == null ? "" : " (" + ex.detail() + ")");
            return new Delivery.Attempt(attempt, startedAt, millisSince(started), null, null, error);
        }
    }

    private void record(Claimed claimed, Delivery.Attempt outcome) {
        UUID id = claimed.delivery().id();
        if (deliveries.byId(id).isEmpty()) {
            return; // the endpoint was removed, with its deliveries, while this attempt was under way
        }
        deliveries.recordAttempt(id, outcome);
        Instant now = clock.instant();
        if (outcome.taken()) {
            deliveries.delivered(id, now);
            endpoints.succeeded(claimed.endpoint().id());
            return;
        }
        Optional<Endpoint> endpoint = endpoints.failed(claimed.endpoint().id(), now);
        if (endpoint.isEmpty() || turningOff.ifFailingTooLong(endpoint.get(), now)) {
            deliveries.failed(id, outcome.error() + "; the endpoint was turned off after repeated failures");
            return;
        }
        Duration wait = settings.waitAfter(outcome.number());
        Instant next = now.plus(wait);
        if (next.isAfter(claimed.delivery().giveUpAt())) {
            log.info("Webhook delivery {} failed for good after {} attempts: {}", id, outcome.number(), outcome.error());
            deliveries.failed(id, outcome.error() + "; no more attempts after " + outcome.number());
            return;
        }
        deliveries.retryAt(id, next, outcome.error());
        schedule(id, outcome.number() + 1, next);
    }

    private static long millisSince(long nanos) {
        return Duration.ofNanos(System.nanoTime() - nanos).toMillis();
    }
}
