package org.smartketing.comms.channels;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * The one HTTP client every outgoing channel call uses: a connect and a response timeout, an
 * overall deadline that also covers a body that never ends, no redirects (a redirect could lead to
 * a private address), no retries, no cookies. The name is looked up once per connection, by
 * {@link OutboundAddresses#resolve}, and the client connects to exactly the addresses that check
 * passed: no second lookup, so a name that rebinds to an internal address between check and call
 * gets nowhere. (Java's own HttpClient has no resolver hook, and calling it by IP address would
 * need the Host header, which it forbids, and our own SNI and certificate name checks; Apache
 * HttpClient's {@link DnsResolver} keeps TLS checking the certificate against the name.)
 * What people read of a failure is general; the address and remote status are the admins' detail.
 */
@Component
class OutboundHttp {

    private final OutboundAddresses addresses;
    private final ChannelSettings.Outbound settings;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "outbound-deadlines");
        t.setDaemon(true);
        return t;
    });

    OutboundHttp(OutboundAddresses addresses, ChannelSettings settings) {
        this.addresses = addresses;
        this.settings = settings.outbound();
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

    /** POSTs the body and returns when the receiver answered 2xx; otherwise fails with a readable reason. */
    void post(String url, String contentType, String body, String basicUser, String basicPassword, String what) {
        addresses.check(url);
        HttpPost request = new HttpPost(url);
        // The bytes in UTF-8 and the Content-Type exactly as the receiver expects it.
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.parse(contentType)));
        if (basicUser != null && !basicUser.isBlank()) {
            String credentials = basicUser + ":" + (basicPassword == null ? "" : basicPassword);
            request.setHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            late.set(true);
            request.cancel();
        }, settings.requestTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        int status;
        try {
            status = client.execute(request, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        }
        catch (OutboundAddresses.RefusedAddressException ex) {
            throw new DeliveryFailedException("the URL is refused: " + OutboundAddresses.CANNOT_BE_USED, ex.getMessage(),
                    ex);
        }
        catch (IOException | RuntimeException ex) {
            if (late.get() || ex instanceof java.net.SocketTimeoutException) {
                throw new DeliveryFailedException(what + " did not answer within " + settings.requestTimeout().toMillis()
                        + " ms", ex);
            }
            throw new DeliveryFailedException(what + " could not be reached", ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : " " + ex.getMessage()), ex);
        }
        finally {
            deadline.cancel(false);
        }
        if (status / 100 != 2) {
            throw new DeliveryFailedException(what + " did not take it", "answered " + status, null);
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }
}
