package org.smartketing.comms.channels;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Decides whether an outgoing call may go to a URL: only http and https, and never to this
 * machine or a private network (loopback, private, link-local — the cloud metadata address
 * 169.254.169.254 among them —, carrier-grade NAT, unique-local IPv6, unspecified, multicast)
 * unless configuration allows it. Checked when the URL is entered and again before each call,
 * since what a name resolves to may change.
 */
@Component
public class OutboundAddresses {

    private final ChannelSettings.Outbound settings;

    OutboundAddresses(ChannelSettings settings) {
        this.settings = settings.outbound();
    }

    /** Why the URL may not be called, for people to read; empty when it may. */
    public Optional<String> whyRefused(String url) {
        URI uri;
        try {
            uri = new URI(url);
        }
        catch (URISyntaxException ex) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("must start with https:// or http://");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        if (uri.getUserInfo() != null) {
            return Optional.of("must not carry a user name or password");
        }
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (settings.allowPrivate() || settings.allowedHosts().stream().anyMatch(bareHost::equalsIgnoreCase)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        }
        catch (UnknownHostException ex) {
            return Optional.of("has a host that cannot be found: " + bareHost);
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("points to a loopback, private or link-local address (" + address.getHostAddress()
                        + "), which is not allowed");
            }
        }
        return Optional.empty();
    }

    /** Refuses the call with a {@link DeliveryFailedException} naming why. */
    void check(String url) {
        whyRefused(url).ifPresent(why -> {
            throw new DeliveryFailedException("the URL " + why);
        });
    }

    static boolean isInternal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xFF;
            int second = bytes[1] & 0xFF;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xFF) == 0) // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xFE) == 0xFC; // unique-local fc00::/7
        }
        return false;
    }
}
