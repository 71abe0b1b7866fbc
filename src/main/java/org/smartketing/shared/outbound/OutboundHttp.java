package org.smartketing.shared.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client every outgoing call uses: a connect and a response timeout, an
 * overall deadline that also covers a body that never ends, no redirects (a redirect could lead to
 * a private address), no retries, no cookies. The name is looked up once per connection, by
 * {@link OutboundAddresses#resolve}, and the client connects to exactly the addresses that check
 * passed: no second lookup, so a name that rebinds to an internal address between check and call
 * gets nowhere. (Java's own HttpClient has no resolver hook, and calling it by IP address would
 * need the Host header, which it forbids, and our own SNI and certificate name checks; Apache
 * HttpClient's {@link DnsResolver} keeps TLS checking the certificate against the name.)
 * What people read of a failure is general; the address it resolved to is the admins' detail.
 */
@Component
public class OutboundHttp {

    /** How much of an answer's body is kept: enough for an admin to see why a receiver refused. */
    public static final int BODY_KEPT = 1000;

    /**
     * What the receiver answered.
     *
     * @param body the start of the answer's body (at most {@link #BODY_KEPT} characters), UTF-8
     */
    public record Answer(int status, String body) {

        public boolean taken() {
            return status / 100 == 2;
        }
    }

    private final OutboundAddresses addresses;
    private final OutboundSettings settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbound-deadlines");
        t.setDaemon(true);
        return t;
    });

    OutboundHttp(OutboundAddresses addresses, OutboundSettings settings) {
        this.addresses = addresses;
        this.settings = settings;
        Timeout connect = Timeout.of(this.settings.connectTimeout());
        Timeout response = Timeout.of(this.settings.requestTimeout());
        DnsResolver checked = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return addresses.resolve(host);
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setDnsResolver(checked)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                                .setSocketTimeout(response).build())
                        .setMaxConnTotal(50).setMaxConnPerRoute(10).build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(response)
                        .setConnectionRequestTimeout(connect).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().build();
    }

    /**
     * POSTs the body with the headers and returns what the receiver answered, whatever its status.
     *
     * @param what names the receiver in the failure's message, e.g. {@code the chat webhook}
     * @throws CallFailedException when the URL is refused or nothing answered in time
     */
    public Answer post(String url, String contentType, String body, Map<String, String> headers, String what) {
        addresses.whyMalformed(url).ifPresent(why -> {
            throw new CallFailedException("the URL is refused: " + why, null, null);
        });
        HttpPost request = new HttpPost(url);
        // The bytes in UTF-8 and the Content-Type exactly as the receiver expects it.
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType)));
        headers.forEach(request::setHeader);
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            request.cancel();
        }, settings.requestTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> new Answer(response.getCode(), start(response.getEntity())));
        }
        catch (OutboundAddresses.RefusedAddressException ex) {
            throw new CallFailedException("the URL is refused: " + OutboundAddresses.CANNOT_BE_USED, ex.getMessage(), ex);
        }
        catch (IOException | RuntimeException ex) {
            if (late.get() || ex instanceof java.net.SocketTimeoutException) {
                throw new CallFailedException(what + " did not answer within " + settings.requestTimeout().toMillis()
                        + " ms", null, ex);
            }
            throw new CallFailedException(what + " could not be reached", ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : " " + ex.getMessage()), ex);
        }
        finally {
            deadline.cancel(false);
        }
    }

    /** The body's first characters; the client reads and drops the rest (the deadline bounds an endless one). */
    private static String start(HttpEntity entity) throws IOException {
        if (entity == null) {
            return "";
        }
        try (var in = entity.getContent()) {
            byte[] bytes = in == null ? new byte[0] : in.readNBytes(BODY_KEPT * 4);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return text.length() > BODY_KEPT ? text.substring(0, BODY_KEPT) : text;
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
