package org.smartketing.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.support.DueJobs;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.smartketing.webhooks.endpoints.Signatures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events reach a real receiver on a random local port, signed, and are retried until it takes them
 * (then never again); a receiver that hangs is cut off by the timeout; one that keeps failing has its
 * endpoint turned off and the admins told; a secret's rotation signs with both secrets.
 */
@IntegrationTest
class WebhookDeliveryTests {

    static final String ATTEMPT_JOBS = "webhook-attempt";

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SchedulerClient scheduler;

    final LocalReceiver receiver = LocalReceiver.get();
    final List<String> registered = new ArrayList<>();
    Person admin;
    WebhookApi api;

    @BeforeEach
    void anAdmin() {
        admin = fixtures.aPerson(AppRole.ADMIN);
        api = new WebhookApi(mvc, json, fixtures.tokenFor(admin, TokenScope.READ_WRITE));
    }

    @AfterEach
    void removeEndpoints() throws Exception {
        for (String id : registered) {
            api.remove(id);
        }
    }

    private JsonNode register(String path, String... events) throws Exception {
        JsonNode endpoint = api.register(receiver.url(path), events);
        registered.add(endpoint.get("id").asString());
        return endpoint;
    }

    /** What reached the path about this lead (another test's events may still be on their way). */
    private List<LocalReceiver.Received> receivedAbout(String path, Lead lead) {
        return receiver.receivedAt(path).stream().filter(r -> r.body().contains(lead.id().toString())).toList();
    }

    /** The endpoint's delivery about this lead, or null while there is none. */
    private JsonNode deliveryAbout(String endpoint, Lead lead) throws Exception {
        for (JsonNode d : api.deliveries(endpoint)) {
            if (d.get("payload").asString().contains(lead.id().toString())) {
                return d;
            }
        }
        return null;
    }

    private boolean inState(String endpoint, Lead lead, String state) throws Exception {
        JsonNode delivery = deliveryAbout(endpoint, lead);
        return delivery != null && state.equals(delivery.get("state").asString());
    }

    @Test
    void aReceiverThatFailsTwiceThenTakesItGetsOneSignedEventThreeTimesAndNeverAgain() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.answer(path, 500, 503);
        JsonNode endpoint = register(path, "lead.created");
        String secret = endpoint.get("secret").asString();

        Lead lead = fixtures.aLead("DE");

        await("three attempts").atMost(Duration.ofSeconds(20)).until(() -> receivedAbout(path, lead).size() == 3);
        String id = endpoint.get("id").asString();
        await("delivered").atMost(Duration.ofSeconds(10)).until(() -> inState(id, lead, "DELIVERED"));
        DueJobs.awaitRun(scheduler, ATTEMPT_JOBS, Duration.ofSeconds(10));

        List<LocalReceiver.Received> received = receivedAbout(path, lead);
        assertThat(received).as("never sent again once taken").hasSize(3);
        assertThat(received).extracting(r -> r.header("webhook-id")).containsOnly(received.get(0).header("webhook-id"));
        for (LocalReceiver.Received r : received) {
            assertThat(r.contentType()).startsWith("application/json");
            assertThat(Signatures.verifies(secret, r.header("webhook-id"), Long.parseLong(r.header("webhook-timestamp")),
                    r.body(), r.header("webhook-signature"))).as("signed with the endpoint's secret").isTrue();
        }
        JsonNode payload = json.readTree(received.get(2).body());
        assertThat(payload.get("type").asString()).isEqualTo("lead.created");
        assertThat(payload.get("version").asInt()).isEqualTo(1);
        assertThat(payload.get("timestamp").asString()).isNotBlank();
        assertThat(payload.at("/data/leadId").asString()).isEqualTo(lead.id().toString());
        assertThat(payload.at("/data/stage").asString()).isEqualTo(lead.stage().name());

        JsonNode delivery = deliveryAbout(id, lead);
        JsonNode attempts = delivery.get("attemptLog");
        assertThat(attempts).extracting(a -> a.get("responseCode").asInt()).containsExactly(500, 503, 200);
        assertThat(attempts.get(2).get("responseBody").asString()).isEqualTo("{\"ok\":true}");
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.get("at").asString()).isNotBlank();
            assertThat(a.get("durationMs").asLong()).isBetween(0L, 5_000L);
        });
        assertThat(delivery.get("webhookId").asString()).isEqualTo(received.get(0).header("webhook-id"));
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void aReceiverThatHangsIsCutOffByTheTimeout() throws Exception {
        String path = "/hang/" + UUID.randomUUID();
        String id = register(path, "lead.created").get("id").asString();

        Lead lead = fixtures.aLead("DE");

        await("the first attempt recorded").atMost(Duration.ofSeconds(15)).until(() -> deliveryAbout(id, lead) != null
                && !deliveryAbout(id, lead).get("attemptLog").isEmpty());
        JsonNode first = deliveryAbout(id, lead).get("attemptLog").get(0);
        assertThat(first.get("error").asString()).contains("did not answer within 1000 ms");
        assertThat(first.has("responseCode")).as("no answer").isFalse();
        assertThat(first.get("durationMs").asLong()).as("cut off, not waited out (the receiver hangs 5 s)")
                .isLessThan(4_000L);
    }

    @Test
    void anEndpointThatKeepsFailingIsTurnedOffTheAdminsAreToldAndAFailedDeliverySentAgainArrivesOnce()
            throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        receiver.answer(path, 500, 500, 500, 500);
        String id = register(path, "lead.created").get("id").asString();

        Lead lead = fixtures.aLead("DE");

        await("turned off").atMost(Duration.ofSeconds(20))
                .until(() -> !api.read("/api/v1/webhooks/" + id).get("enabled").asBoolean());
        await("the delivery failed").atMost(Duration.ofSeconds(10)).until(() -> inState(id, lead, "FAILED"));
        assertThat(api.read("/api/v1/webhooks/" + id).get("disabledReason").asString()).contains("4 failed attempts");
        await("the admin told").atMost(Duration.ofSeconds(10))
                .until(() -> fixtures.lastMessageTo(admin.id()).contains("A webhook endpoint was turned off"));
        assertThat(fixtures.lastMessageTo(admin.id())).contains(receiver.url(path));
        DueJobs.awaitRun(scheduler, ATTEMPT_JOBS, Duration.ofSeconds(10));
        int whenTurnedOff = receiver.receivedAt(path).size();
        String witness = register("/hooks/" + UUID.randomUUID(), "lead.created").get("id").asString();
        Lead later = fixtures.aLead("DE");
        // the deliveries of one event to every endpoint are made together: once the witness has its own, the
        // turned-off endpoint would have had one too
        await("the later lead sent elsewhere").atMost(Duration.ofSeconds(10))
                .until(() -> inState(witness, later, "DELIVERED"));
        DueJobs.awaitRun(scheduler, ATTEMPT_JOBS, Duration.ofSeconds(10));
        assertThat(receiver.receivedAt(path)).as("nothing sent while off").hasSize(whenTurnedOff);
        assertThat(deliveryAbout(id, later)).as("no delivery queued for a turned-off endpoint").isNull();
        String delivery = deliveryAbout(id, lead).get("id").asString();

        assertThat(api.postTo("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").getResponse()
                .getStatus()).as("not while the endpoint is off").isEqualTo(409);
        assertThat(api.patchEndpoint(id, "{\"enabled\": true}").getResponse().getStatus()).isEqualTo(200);
        assertThat(api.postTo("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").getResponse()
                .getStatus()).isEqualTo(202);

        await("delivered").atMost(Duration.ofSeconds(10)).until(() -> inState(id, lead, "DELIVERED"));
        DueJobs.awaitRun(scheduler, ATTEMPT_JOBS, Duration.ofSeconds(10));
        assertThat(receivedAbout(path, lead)).as("four failed attempts and the one sent again").hasSize(5);
        assertThat(receivedAbout(path, lead)).extracting(r -> r.header("webhook-id")).as("the same webhook-id")
                .containsOnly(receivedAbout(path, lead).get(0).header("webhook-id"));
        assertThat(api.read("/api/v1/webhooks/" + id).get("failuresInARow").asInt()).isZero();
        assertThat(api.postTo("/api/v1/webhooks/" + id + "/deliveries/" + delivery + "/redeliver").getResponse()
                .getStatus()).as("a delivery the receiver took is never sent again").isEqualTo(409);
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() throws Exception {
        String path = "/hooks/" + UUID.randomUUID();
        JsonNode endpoint = register(path, "lead.created");
        String id = endpoint.get("id").asString();
        String before = endpoint.get("secret").asString();

        JsonNode rotated = json.readTree(api.postTo("/api/v1/webhooks/" + id + "/rotate-secret").getResponse()
                .getContentAsString());
        String after = rotated.get("secret").asString();
        assertThat(after).startsWith("whsec_").isNotEqualTo(before);
        assertThat(rotated.get("previousSecretValidUntil").asString()).isNotBlank();

        Lead lead = fixtures.aLead("DE");

        await("delivered").atMost(Duration.ofSeconds(10)).until(() -> receivedAbout(path, lead).size() == 1);
        LocalReceiver.Received r = receivedAbout(path, lead).get(0);
        String signature = r.header("webhook-signature");
        long timestamp = Long.parseLong(r.header("webhook-timestamp"));
        assertThat(signature.split(" ")).hasSize(2);
        assertThat(Signatures.verifies(after, r.header("webhook-id"), timestamp, r.body(), signature)).isTrue();
        assertThat(Signatures.verifies(before, r.header("webhook-id"), timestamp, r.body(), signature)).isTrue();
        assertThat(api.read("/api/v1/webhooks/" + id).toString()).as("no secret is read back")
                .doesNotContain(after).doesNotContain(before);
    }

    @Test
    void onlyTheSubscribedEventTypesAreSent() throws Exception {
        String assigned = register("/hooks/" + UUID.randomUUID(), "lead.assigned").get("id").asString();
        String createdPath = "/hooks/" + UUID.randomUUID();
        String created = register(createdPath, "lead.created", "lead.stage_changed").get("id").asString();

        Lead lead = fixtures.aLead("DE");

        // both endpoints' deliveries for an event are made in one transaction
        await("the created lead sent").atMost(Duration.ofSeconds(10)).until(() -> inState(created, lead, "DELIVERED"));
        assertThat(deliveryAbout(assigned, lead)).as("a created lead is not an assignment").isNull();
        assertThat(receivedAbout(createdPath, lead)).hasSize(1);
    }
}
