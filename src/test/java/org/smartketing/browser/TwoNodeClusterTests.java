package org.smartketing.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes of the packaged application on one PostgreSQL behind HAProxy; one is killed with
 * SIGKILL in the middle of an intake load. Every acknowledged lead exists exactly once, the
 * browser's session goes on on the other node, every message's delivery job runs at most once and
 * none is left hanging, and the unread count reaches a person whose page is connected to the
 * surviving node from a change made on the other. Needs PostgreSQL, HAProxy and Chromium: skipped
 * without them, except in CI (SMARTKETING_BROWSER_TESTS=required), where .ci/run installs them.
 */
class TwoNodeClusterTests {

    static final String SCHEMA = "two_nodes";
    static final String ADMIN = "cluster.admin@two-nodes.example.com";
    static final String ADMIN_PASSWORD = "cluster-password-123";
    static final String REP = "cluster.rep@two-nodes.example.com";
    static final String REP_PASSWORD = "rep-password-12345";
    static final int LEADS = 240;
    static final int CLIENTS = 6;
    static final int KILL_AFTER = 60;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final JsonMapper json = JsonMapper.builder().build();
    final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void needsPostgresHaproxyAndChromium() {
        boolean required = "required".equals(System.getenv("SMARTKETING_BROWSER_TESTS"));
        boolean present = postgresUrl() != null && Files.isExecutable(Haproxy.BINARY);
        if (required && !present) {
            throw new IllegalStateException("the two-node test needs PostgreSQL (SPRING_DATASOURCE_URL) and haproxy");
        }
        Assumptions.assumeTrue(present, "two nodes need PostgreSQL and Debian's haproxy");
        Browsers.requireChromium();
    }

    @Test
    void aNodeKilledDuringIntakeLosesNoAcknowledgedLeadAndSignsNobodyOut() throws Exception {
        freshSchema();
        Map<String, String> env = Map.of("SMARTKETING_ADMIN_EMAIL", ADMIN, "SMARTKETING_ADMIN_PASSWORD", ADMIN_PASSWORD);
        try (ClusterNode a = ClusterNode.start("node-a", nodeArguments(), env).awaitReady(http);
                ClusterNode b = ClusterNode.start("node-b", nodeArguments(), env).awaitReady(http);
                Haproxy proxy = Haproxy.inFrontOf(a, b)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> get(proxy.url() + "/actuator/health").statusCode() == 200);
            assertBehindTlsResponsesAreSecure(proxy.url());
            String token = token(proxy.url());
            String rep = invite(proxy.url(), token);
            WebDriver browser = Browsers.open();
            try {
                signInAsInvitedRep(browser, proxy.url(), rep);
                String session = browser.manage().getCookieNamed("SESSION").getValue();
                UnreadStream unread = UnreadStream.open(http, b.url(), session);

                String before = message(a.url(), token, rep, "through node a");
                await("a change on node a pushed to the page on node b").atMost(Duration.ofSeconds(20))
                        .until(() -> unread.last() >= 1);

                Intake intake = new Intake(proxy.url(), token);
                List<Future<?>> clients = intake.start();
                List<String> during = new ArrayList<>();
                await().atMost(Duration.ofMinutes(2)).until(() -> intake.acknowledged.size() >= KILL_AFTER);
                for (int i = 0; i < 5; i++) {
                    during.add(message(proxy.url(), token, rep, "during the load " + i));
                }
                a.kill();
                for (Future<?> client : clients) {
                    client.get();
                }
                intake.stop();

                browser.get(proxy.url() + "/inbox");
                assertThat(browser.getCurrentUrl()).as("still signed in after node a died").doesNotContain("/login");
                assertThat(browser.findElement(By.tagName("body")).getText()).contains("Cluster Rep");
                boolean sessionContinued = !browser.getCurrentUrl().contains("/login");

                long unreadBefore = unread.last();
                message(proxy.url(), token, rep, "after node a died");
                await("the count on the surviving node").atMost(Duration.ofSeconds(20))
                        .until(() -> unread.last() > unreadBefore);

                List<String> messages = new ArrayList<>(during);
                messages.add(before);
                Figures figures = figures(intake, messages, sessionContinued);
                System.out.println(figures);
                Files.writeString(java.nio.file.Path.of("target", "test-logs", "two-nodes-figures.txt"), figures.toString());
                assertThat(figures.lost()).as("acknowledged leads missing").isZero();
                assertThat(figures.duplicates()).as("leads stored twice").isZero();
                assertThat(figures.stepsTriedTwice()).as("delivery steps attempted twice").isZero();
                assertThat(figures.inboxDuplicates()).as("messages in the inbox twice").isZero();
                unread.close();
            }
            finally {
                Browsers.screenshot(browser, "two-nodes-after-kill");
                browser.quit();
            }
        }
    }

    record Figures(int requests, int acknowledged, int retried, long lost, long duplicates, boolean sessionContinued,
            int messages, long stepsDelivered, long stepsTriedTwice, long inboxDuplicates) {

        @Override
        public String toString() {
            return ("two nodes, node a killed with SIGKILL during the intake: requests %d, acknowledged %d "
                    + "(retried by the client %d), lost %d, duplicates %d; session continued on node b: %s; "
                    + "messages %d, first steps delivered %d, steps attempted twice %d, inbox duplicates %d")
                    .formatted(requests, acknowledged, retried, lost, duplicates, sessionContinued, messages,
                            stepsDelivered, stepsTriedTwice, inboxDuplicates);
        }
    }

    private Figures figures(Intake intake, List<String> messages, boolean sessionContinued) throws SQLException {
        try (Connection connection = DriverManager.getConnection(schemaUrl(), user(), password())) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            await("every first delivery step settled (the next waits hours for an acknowledgement)").atMost(Duration.ofMinutes(2)).until(() -> jdbc.sql("""
                    SELECT COUNT(*) FROM comms_step WHERE message_id IN (:ids) AND step_no = 0
                    AND state IN ('PENDING', 'SENDING')""")
                    .param("ids", uuids(messages)).query(Long.class).single() == 0);
            long lost = 0;
            long duplicates = 0;
            for (String email : intake.acknowledged) {
                long stored = jdbc.sql("SELECT COUNT(*) FROM lead WHERE email = ?").param(email).query(Long.class).single();
                lost += stored == 0 ? 1 : 0;
                duplicates += Math.max(0, stored - 1);
            }
            long all = jdbc.sql("SELECT COUNT(*) FROM lead WHERE email LIKE ?").param("%@" + run + ".two-nodes.example.com")
                    .query(Long.class).single();
            long distinct = jdbc.sql("SELECT COUNT(DISTINCT email) FROM lead WHERE email LIKE ?")
                    .param("%@" + run + ".two-nodes.example.com").query(Long.class).single();
            duplicates += all - distinct;
            long delivered = jdbc.sql("SELECT COUNT(*) FROM comms_step WHERE message_id IN (:ids) AND step_no = 0 "
                    + "AND state = 'DELIVERED'").param("ids", uuids(messages)).query(Long.class).single();
            long triedTwice = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT a.step_id FROM comms_attempt a JOIN comms_step s ON s.id = a.step_id
                    WHERE s.message_id IN (:ids) AND a.outcome = 'DELIVERED' GROUP BY a.step_id HAVING COUNT(*) > 1) t""")
                    .param("ids", uuids(messages)).query(Long.class).single();
            long inboxDuplicates = jdbc.sql("""
                    SELECT COUNT(*) FROM (SELECT message_id FROM comms_inbox_item WHERE message_id IN (:ids)
                    GROUP BY message_id HAVING COUNT(*) > 1) t""").param("ids", uuids(messages)).query(Long.class).single();
            return new Figures(intake.requests.get(), intake.acknowledged.size(), intake.retried.get(), lost, duplicates,
                    sessionContinued, messages.size(), delivered, triedTwice, inboxDuplicates);
        }
    }

    /** Clients posting leads with an Idempotency-Key each, trying again on a failed or refused connection. */
    final class Intake {

        final String base;
        final String token;
        final List<String> acknowledged = new CopyOnWriteArrayList<>();
        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger retried = new AtomicInteger();
        final AtomicInteger next = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);

        Intake(String base, String token) {
            this.base = base;
            this.token = token;
        }

        List<Future<?>> start() {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < LEADS; i = next.getAndIncrement()) {
                        post(i);
                    }
                    return null;
                }));
            }
            return clients;
        }

        void stop() {
            pool.shutdownNow();
        }

        private void post(int i) {
            String email = "lead" + i + "@" + run + ".two-nodes.example.com";
            String body = "{\"email\":\"" + email + "\",\"firstName\":\"Lead\",\"lastName\":\"" + i
                    + "\",\"source\":\"two-nodes\"}";
            String key = run + "-" + i;
            AtomicInteger tries = new AtomicInteger();
            await("lead " + i + " acknowledged").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .pollDelay(Duration.ZERO).until(() -> {
                        if (tries.getAndIncrement() > 0) {
                            retried.incrementAndGet();
                        }
                        requests.incrementAndGet();
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/leads"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .header("Idempotency-Key", key).timeout(Duration.ofSeconds(20))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 201 || answer.statusCode() == 200) {
                                acknowledged.add(email);
                                return true;
                            }
                            if (answer.statusCode() < 500) {
                                throw new AssertionError("lead " + i + " refused: " + answer.statusCode() + " " + answer.body());
                            }
                            return false;
                        }
                        catch (IOException ex) {
                            return false;
                        }
                    });
        }
    }

    /** The page's live unread count, read as server-sent events straight from one node. */
    static final class UnreadStream implements AutoCloseable {

        private final List<Long> counts = new CopyOnWriteArrayList<>();
        private final Thread reader;

        private UnreadStream(HttpClient http, String node, String session) {
            reader = new Thread(() -> read(http, node, session), "unread-stream");
            reader.setDaemon(true);
            reader.start();
        }

        static UnreadStream open(HttpClient http, String node, String session) {
            UnreadStream stream = new UnreadStream(http, node, session);
            await("the unread stream opened").atMost(Duration.ofSeconds(20)).until(() -> !stream.counts.isEmpty());
            return stream;
        }

        long last() {
            return counts.isEmpty() ? -1 : counts.get(counts.size() - 1);
        }

        private void read(HttpClient http, String node, String session) {
            try {
                HttpResponse<java.io.InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(node + "/inbox/unread"))
                        .header("Cookie", "SESSION=" + session).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8));
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        counts.add(Long.parseLong(line.substring(5).trim()));
                    }
                }
            }
            catch (IOException | InterruptedException | RuntimeException ex) {
                // the stream ends with the test
            }
        }

        /** Stops listening; the stream itself ends with its node (closing it here would wait for the next event). */
        @Override
        public void close() {
            reader.interrupt();
        }
    }

    /** With the forwarded headers believed from the proxy, a request that came over TLS gets HSTS and a Secure cookie. */
    private void assertBehindTlsResponsesAreSecure(String base) throws Exception {
        HttpResponse<Void> overTls = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.discarding());
        assertThat(overTls.headers().firstValue("Strict-Transport-Security")).isPresent();
        assertThat(overTls.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .containsIgnoringCase("; Secure"));
        HttpResponse<Void> plain = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(plain.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(plain.headers().allValues("Set-Cookie")).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    private String token(String base) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"two nodes\",\"scope\":\"read-write\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("token").asString();
    }

    private String invite(String base, String token) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/people"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"email": "%s", "displayName": "Cluster Rep", "department": "SALES", "appRole": "MEMBER",
                         "timeZone": "UTC", "workStart": "00:00", "workEnd": "23:59",
                         "workDays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"]}"""
                        .formatted(REP))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("id").asString();
    }

    private void signInAsInvitedRep(WebDriver browser, String base, String rep) throws SQLException {
        String link;
        try (Connection connection = DriverManager.getConnection(schemaUrl(), user(), password())) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            String body = await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                    "SELECT body FROM mail_message WHERE recipient = ?").param(REP).query(String.class).optional()
                    .orElse(null), b -> b != null);
            Matcher found = Pattern.compile("/invitations/[A-Za-z0-9_-]+").matcher(body);
            assertThat(found.find()).as(body).isTrue();
            link = found.group();
        }
        browser.get(base + link);
        browser.findElement(By.name("password")).sendKeys(REP_PASSWORD);
        browser.findElement(By.name("confirmation")).sendKeys(REP_PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browsers.signIn(browser, base + "/login", REP, REP_PASSWORD);
    }

    private String message(String base, String token, String rep, String subject) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/messages"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"to": {"person": "%s"}, "urgency": "NORMAL", "subject": "%s", "body": "Two nodes."}"""
                        .formatted(rep, subject))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        JsonNode sent = json.readTree(answer.body());
        return sent.get("id").asString();
    }

    private HttpResponse<Void> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
    }

    private static List<UUID> uuids(List<String> ids) {
        return ids.stream().map(UUID::fromString).toList();
    }

    private List<String> nodeArguments() {
        return List.of("--spring.datasource.url=" + schemaUrl(), "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(), "--spring.flyway.schemas=" + SCHEMA,
                "--smartketing.jobs.polling-interval=200ms", "--smartketing.jobs.heartbeat=1s",
                "--smartketing.messages.sending-timeout=5s", "--smartketing.messages.stuck-check-every=1s",
                "--smartketing.inbox.refresh-every=10m", "--server.forward-headers-strategy=native",
                "--spring.jmx.enabled=false");
    }

    private static void freshSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgresUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    private static String schemaUrl() {
        String url = postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;
    }

    private static String postgresUrl() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        return url != null && url.startsWith("jdbc:postgresql:") ? url : null;
    }

    private static String user() {
        return System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
    }
}
