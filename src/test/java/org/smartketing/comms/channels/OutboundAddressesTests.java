package org.smartketing.comms.channels;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundAddressesTests {

    private static OutboundAddresses guard(boolean allowPrivate, List<String> allowedHosts) {
        return new OutboundAddresses(new ChannelSettings(null, null, null,
                new ChannelSettings.Outbound(allowPrivate, allowedHosts, Duration.ofSeconds(1), Duration.ofSeconds(1))));
    }

    @ParameterizedTest(name = "{0} internal: {1}")
    @CsvSource({
            "127.0.0.1, true", "127.9.9.9, true", "10.0.0.5, true", "172.16.0.1, true", "172.31.255.255, true",
            "192.168.1.1, true", "169.254.169.254, true", "0.0.0.0, true", "100.64.0.1, true", "224.0.0.1, true",
            "255.255.255.255, true", "::1, true", "::, true", "fe80::1, true", "fd12:3456::1, true", "fc00::1, true",
            "::ffff:127.0.0.1, true", "::ffff:10.0.0.1, true",
            "93.184.216.34, false", "172.32.0.1, false", "100.128.0.1, false", "8.8.8.8, false",
            "2606:4700:4700::1111, false" })
    void tellsInternalAddresses(String address, boolean internal) throws Exception {
        assertThat(OutboundAddresses.isInternal(InetAddress.getByName(address))).isEqualTo(internal);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "ftp://93.184.216.34/hook        | must start with https:// or http://",
            "https://user:pw@93.184.216.34/x | must not carry a user name or password",
            "http:///nohost                  | has no host",
            "https://exa mple.com/x          | is not a valid URL",
            "http://169.254.169.254/latest   | points to a loopback, private or link-local address (169.254.169.254), which is not allowed",
            "http://[fd00::1]/hook           | points to a loopback, private or link-local address (fd00:0:0:0:0:0:0:1), which is not allowed",
            "http://localhost/hook           | points to a loopback, private or link-local address" })
    void refusesUrlsOutsideHttpOrToInternalAddresses(String url, String why) {
        assertThat(guard(false, List.of()).whyRefused(url)).get().asString().startsWith(why);
    }

    @Test
    void allowsPublicAddressesAndWhatConfigurationAllows() {
        assertThat(guard(false, List.of()).whyRefused("https://93.184.216.34/hook")).isEmpty();
        assertThat(guard(false, List.of("127.0.0.1")).whyRefused("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(guard(false, List.of("127.0.0.1")).whyRefused("http://10.0.0.1/hook")).isPresent();
        assertThat(guard(true, List.of()).whyRefused("http://10.0.0.1/hook")).isEmpty();
        assertThat(guard(true, List.of()).whyRefused("gopher://10.0.0.1/hook")).isPresent();
    }
}
