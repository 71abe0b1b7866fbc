package org.smartketing.shared.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides whether an outgoing call may go to a URL: only http and https, and never to this
 * machine (loopback and every address of its own interfaces) or a private network (private,
 * link-local — the cloud metadata address 169.254.169.254 among them —, carrier-grade NAT,
 * unique-local IPv6, unspecified, multicast, reserved), nor through the IPv6 forms that reach IPv4
 * (IPv4-mapped {@code ::ffff:0:0/96}, IPv4-compatible {@code ::/96}, NAT64 {@code 64:ff9b::/96},
 * 6to4 {@code 2002::/16}, Teredo {@code 2001::/32}), unless configuration allows it. Checked when
 * the URL is entered and, by {@link OutboundHttp}, on the one lookup each call makes, whose checked
 * addresses are the ones it connects to (no second lookup a rebinding name could change).
 *
 * <p>People are told only "this address cannot be used"; which address a name resolved to, and
 * why it was refused, goes to the log and the delivery log that admins read.
 */
@Component
public class OutboundAddresses {

    public static final String CANNOT_BE_USED = "this address cannot be used";
    private static final Logger log = LoggerFactory.getLogger(OutboundAddresses.class);
    private static final Duration INTERFACES_KEPT = Duration.ofMinutes(1);

    /** A host whose addresses may not be called; the message names the address, for admins and logs. */
    static class RefusedAddressException extends UnknownHostException {

        RefusedAddressException(String detail) {
            super(detail);
        }
    }

    private final OutboundSettings settings;
    private final java.util.function.Supplier<Set<InetAddress>> interfaces;
    private volatile Set<InetAddress> ownAddresses = Set.of();
    private volatile Instant ownAddressesRead = Instant.EPOCH;

    @org.springframework.beans.factory.annotation.Autowired
    OutboundAddresses(OutboundSettings settings) {
        this(settings, OutboundAddresses::interfaceAddresses);
    }

    /** With the machine's own addresses from elsewhere (tests). */
    OutboundAddresses(OutboundSettings settings, java.util.function.Supplier<Set<InetAddress>> interfaces) {
        this.settings = settings;
        this.interfaces = interfaces;
    }

    /** Why the URL may not be called, for people to read; empty when it may. */
    public Optional<String> whyRefused(String url) {
        Optional<String> shape = whyMalformed(url);
        if (shape.isPresent()) {
            return shape;
        }
        try {
            resolve(URI.create(url).getHost());
            return Optional.empty();
        }
        catch (UnknownHostException ex) {
            log.info("Outbound URL refused: {}", ex.getMessage());
            return Optional.of(CANNOT_BE_USED);
        }
    }

    /** What is wrong with the URL itself, before any lookup. */
    public Optional<String> whyMalformed(String url) {
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
        return Optional.empty();
    }

    /**
     * The addresses of the host, looked up once, each one checked; the caller connects to these.
     *
     * @throws RefusedAddressException naming the address when any may not be called
     * @throws UnknownHostException when the name cannot be found
     */
    InetAddress[] resolve(String host) throws UnknownHostException {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses = InetAddress.getAllByName(bare);
        if (settings.allows(bare)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            // Java reads an IPv4-mapped literal (::ffff:a.b.c.d) as the IPv4 address; the form itself is refused.
            boolean mappedLiteral = address instanceof Inet4Address && bare.contains(":");
            if (mappedLiteral || isInternal(address) || ownAddresses().contains(address)) {
                throw new RefusedAddressException(bare + " points to " + address.getHostAddress()
                        + ", a loopback, private, link-local, reserved or own address, or an IPv6 form of IPv4");
            }
        }
        return addresses;
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
            return (bytes[0] & 0xFE) == 0xFC // unique-local fc00::/7
                    || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xC0) == 0xC0 // site-local fec0::/10
                    || reachesIpv4(bytes);
        }
        return false;
    }

    /**
     * IPv6 forms that carry an IPv4 address, which could be a private one: IPv4-mapped and
     * IPv4-compatible (the first 80 bits zero), NAT64, 6to4 and Teredo. No webhook needs them.
     */
    private static boolean reachesIpv4(byte[] b) {
        boolean first80Zero = true;
        for (int i = 0; i < 10; i++) {
            first80Zero &= b[i] == 0;
        }
        boolean mappedOrCompatible = first80Zero && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xFF
                && b[11] == (byte) 0xFF));
        boolean nat64 = b[0] == 0x00 && b[1] == 0x64 && b[2] == (byte) 0xFF && b[3] == (byte) 0x9B;
        boolean sixToFour = b[0] == 0x20 && b[1] == 0x02;
        boolean teredo = b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00;
        return mappedOrCompatible || nat64 || sixToFour || teredo;
    }

    /** Every address of this machine's own interfaces (its public one too), read again each minute. */
    private Set<InetAddress> ownAddresses() {
        if (ownAddressesRead.plus(INTERFACES_KEPT).isBefore(Instant.now())) {
            ownAddresses = interfaces.get();
            ownAddressesRead = Instant.now();
        }
        return ownAddresses;
    }

    private static Set<InetAddress> interfaceAddresses() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .map(OutboundAddresses::withoutScope).collect(Collectors.toUnmodifiableSet());
        }
        catch (SocketException ex) {
            log.warn("Could not list this machine's network interfaces", ex);
            return Set.of();
        }
    }

    /** An interface's IPv6 address carries its scope; the same address from DNS does not. */
    private static InetAddress withoutScope(InetAddress address) {
        try {
            return address instanceof Inet6Address ? InetAddress.getByAddress(address.getAddress()) : address;
        }
        catch (UnknownHostException ex) {
            return address;
        }
    }
}
