package org.smartketing.comms.messages;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import org.smartketing.comms.reach.ExpectationsInput;
import org.smartketing.comms.reach.OffGridInput;
import org.smartketing.comms.reach.ReachEditing;
import org.smartketing.shared.Sql;
import org.smartketing.support.LocalReceiver;
import org.smartketing.team.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

/**
 * A real SMS provider on 127.0.0.1 (Twilio-style form POSTs), which can be told to answer 500 or
 * to hang, plus the test-side helpers that give people verified phones, expectations and
 * off-grid periods, and that let db-scheduler's clock catch up with the test clock.
 */
final class Receivers {

    enum Mode {
        OK, FAIL, HANG
    }

    /** One text as the provider received it. */
    record Text(String to, String body) {
    }

    static final class SmsProvider {

        final HttpServer server;
        final List<Text> received = Collections.synchronizedList(new ArrayList<>());
        volatile Mode mode = Mode.OK;

        SmsProvider() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/sms", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    Map<String, String> form = LocalReceiver.formFields(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    Mode now = mode;
                    if (now == Mode.HANG) {
                        sleep(Duration.ofSeconds(5));
                    }
                    if (now == Mode.OK) {
                        received.add(new Text(form.get("To"), form.get("Body")));
                    }
                    byte[] answer = (now == Mode.OK ? "{\"sid\":\"SM1\"}" : "{\"error\":\"down\"}").getBytes();
                    exchange.sendResponseHeaders(now == Mode.OK ? 201 : 500, answer.length);
                    exchange.getResponseBody().write(answer);
                }
                catch (IOException ex) {
                    // the client gave up (timeout): nothing to answer
                }
                finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
        }

        List<Text> to(String number) {
            synchronized (received) {
                return received.stream().filter(t -> number.equals(t.to())).toList();
            }
        }
    }

    private Receivers() {
    }

    /** A phone number nobody else in the test run has. */
    static String aPhone() {
        return "+4915" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }

    static void verifiedPhone(JdbcClient jdbc, PersonId person, String number) {
        jdbc.sql("""
                INSERT INTO comms_contact_method (id, person_id, kind, address, attempts_left, verified_at, created_at)
                VALUES (?, ?, 'PHONE', ?, 0, ?, ?)""")
                .params(UUID.randomUUID(), person.value(), number, Sql.utc(Instant.now()), Sql.utc(Instant.now()))
                .update();
    }

    static void expects(ReachEditing reach, PersonId person, List<String> urgent, int urgentMinutes,
            List<String> normal, List<String> fyi) {
        reach.saveExpectations(person, new ExpectationsInput(new ExpectationsInput.UrgencyInput(urgent, urgentMinutes),
                new ExpectationsInput.UrgencyInput(normal, 240), new ExpectationsInput.UrgencyInput(fyi, 2880), null));
    }

    /** Quiet hours from an hour ago to an hour from now, in the person's Berlin time. */
    static void quietNow(ReachEditing reach, PersonId person, List<String> urgent) {
        java.time.LocalTime now = java.time.LocalTime.now(java.time.ZoneId.of("Europe/Berlin"));
        String from = now.minusHours(1).withSecond(0).withNano(0).toString();
        String until = now.plusHours(1).withSecond(0).withNano(0).toString();
        reach.saveExpectations(person, new ExpectationsInput(new ExpectationsInput.UrgencyInput(urgent, 15),
                new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 240),
                new ExpectationsInput.UrgencyInput(List.of("EMAIL"), 2880),
                new ExpectationsInput.QuietHoursInput(from, until)));
    }

    static void offGrid(ReachEditing reach, PersonId person, PersonId delegate, List<String> stillUrgent) {
        reach.addOffGrid(person, new OffGridInput(Instant.now().minus(Duration.ofHours(1)),
                Instant.now().plus(Duration.ofDays(3)), delegate == null ? null : delegate.value(), stillUrgent,
                List.of(), List.of(), "Hiking, no signal"));
    }

    /**
     * The test clock moved on; db-scheduler keeps real time, so jobs due by the test clock are made
     * due now. Nothing else about them changes.
     */
    static int catchUp(JdbcClient jdbc, Instant testNow) {
        return jdbc.sql("UPDATE scheduled_tasks SET execution_time = ? WHERE task_name LIKE 'comms-%' AND picked = FALSE "
                        + "AND execution_time <= ?")
                .params(Sql.utc(Instant.now()), Sql.utc(testNow)).update();
    }

    /** The provider hanging is what a test wants from it, not a wait. */
    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
