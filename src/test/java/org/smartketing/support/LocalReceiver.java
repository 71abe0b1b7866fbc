package org.smartketing.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real HTTP server on 127.0.0.1 standing in for the SMS/voice provider and for chat webhooks,
 * shared by every integration test: the application is configured with its port. It records every
 * request; a path under {@code /fail/} answers 500 and one under {@code /hang/} never answers in time;
 * a path given {@link #answer} statuses answers those first, in turn, then 200.
 */
public final class LocalReceiver {

    /** @param headers the request's headers, the names in lower case (the first value of each) */
    public record Received(String method, String path, String contentType, String authorization, String body,
            Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The form fields of a form POST, decoded. */
        public Map<String, String> form() {
            return formFields(body);
        }
    }

    /** Decodes a form-encoded body ({@code To=%2B49…&Body=…}); pairs without a name are passed over. */
    public static Map<String, String> formFields(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Arrays.stream(body.split("&")).forEach(pair -> {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        });
        return fields;
    }

    private static final LocalReceiver INSTANCE = new LocalReceiver();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Queue<Integer>> scripted = new ConcurrentHashMap<>();

    private LocalReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "local-receiver");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public static LocalReceiver get() {
        return INSTANCE;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to exactly this path are answered with these statuses, one each, then 200. */
    public void answer(String path, Integer... statuses) {
        scripted.put(path, new ConcurrentLinkedQueue<>(List.of(statuses)));
    }

    public List<Received> receivedAt(String pathPrefix) {
        return received.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    /** Text messages received for that number. */
    public List<Received> textsTo(String e164) {
        return receivedAt("/sms/").stream().filter(r -> e164.equals(r.form().get("To"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                values.isEmpty() ? "" : values.get(0)));
        received.add(new Received(exchange.getRequestMethod(), path,
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"), body, headers));
        if (path.contains("/hang/")) {
            try {
                Thread.sleep(5_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        Integer next = scripted.containsKey(path) ? scripted.get(path).poll() : null;
        int status = next != null ? next : path.contains("/fail/") ? 500 : 200;
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Points the application's SMS and voice provider at the receiver. */
    public static class Properties implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            LocalReceiver receiver = get();
            TestPropertyValues.of(
                    "smartketing.comms.sms.url=" + receiver.url("/sms/2010-04-01/Accounts/AC-test/Messages.json"),
                    "smartketing.comms.sms.account=AC-test", "smartketing.comms.sms.token=test-token",
                    "smartketing.comms.sms.from=+15005550006",
                    "smartketing.comms.voice.url=" + receiver.url("/voice/2010-04-01/Accounts/AC-test/Calls.json"),
                    "smartketing.comms.voice.account=AC-test", "smartketing.comms.voice.token=test-token",
                    "smartketing.comms.voice.from=+15005550006").applyTo(context);
        }
    }

}
