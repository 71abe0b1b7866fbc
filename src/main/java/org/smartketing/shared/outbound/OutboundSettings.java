package org.smartketing.shared.outbound;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code smartketing.comms.outbound.*}: how far outgoing calls may reach, and how long they may
 * take. The names stay under {@code comms}, where installations set them first for chat webhooks;
 * they now hold for every part's outgoing calls.
 *
 * @param allowPrivate   let URLs reach loopback, private, link-local and unique-local addresses (never in production)
 * @param allowedHosts   host names or literal addresses allowed even when private (e.g. an internal chat server)
 * @param connectTimeout for every outgoing call
 * @param requestTimeout for every outgoing call, from sending the request to the answer's headers
 */
@ConfigurationProperties("smartketing.comms.outbound")
public record OutboundSettings(@DefaultValue("false") boolean allowPrivate, @DefaultValue List<String> allowedHosts,
        @DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout) {

    /** Whether configuration lets calls reach this host although it may be private. */
    public boolean allows(String host) {
        return allowPrivate || allowedHosts.stream().anyMatch(host::equalsIgnoreCase);
    }
}
