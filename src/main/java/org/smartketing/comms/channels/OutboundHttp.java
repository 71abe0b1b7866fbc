package org.smartketing.comms.channels;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.stereotype.Component;

/**
 * The one HTTP client every outgoing channel call uses: a connect and a request timeout on each
 * call, no redirects (a redirect could lead to a private address), and the address check right
 * before the call.
 */
@Component
class OutboundHttp {

    private final OutboundAddresses addresses;
    private final ChannelSettings.Outbound settings;
    private final HttpClient client;

    OutboundHttp(OutboundAddresses addresses, ChannelSettings settings) {
        this.addresses = addresses;
        this.settings = settings.outbound();
        this.client = HttpClient.newBuilder().connectTimeout(this.settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** POSTs the body and returns when the receiver answered 2xx; otherwise fails with a readable reason. */
    void post(String url, String contentType, String body, String basicUser, String basicPassword, String what) {
        addresses.check(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.requestTimeout())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (basicUser != null && !basicUser.isBlank()) {
            String credentials = basicUser + ":" + (basicPassword == null ? "" : basicPassword);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response;
        // The request timeout covers the answer's headers only; the deadline here covers its body too.
        CompletableFuture<HttpResponse<String>> call = client.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString());
        try {
            response = call.get(settings.requestTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            call.cancel(true);
            throw timedOut(what, ex);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof HttpTimeoutException) {
                throw timedOut(what, ex.getCause());
            }
            Throwable cause = ex.getCause() == null ? ex : ex.getCause();
            throw new DeliveryFailedException(what + " could not be reached: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : " " + cause.getMessage()), cause);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while calling " + what, ex);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException(what + " answered " + response.statusCode());
        }
    }

    private DeliveryFailedException timedOut(String what, Throwable cause) {
        return new DeliveryFailedException(what + " did not answer within " + settings.requestTimeout().toMillis()
                + " ms", cause);
    }
}
