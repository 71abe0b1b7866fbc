package org.smartketing.shared.outbound;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundAddressesTests {

    private static OutboundAddresses guard(boolean allowPrivate, List<String> allowedHosts) {
        return new OutboundAddresses(
                new OutboundSettings(allowPrivate, allowedHosts, Duration.ofSeconds(1), Duration.ofSeconds(1)));
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
            "http://169.254.169.254/latest   | this address cannot be used",
            "http://[fd00::1]/hook           | this address cannot be used",
            "http://localhost/hook           | this address cannot be used" })
    void refusesUrlsOutsideHttpOrToInternalAddresses(String url, String why) {
        assertThat(guard(false, List.of()).whyRefused(url)).get().asString().isEqualTo(why);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://[::ffff:10.0.0.1]/hook, IPv4-mapped", "http://[::ffff:93.184.216.34]/hook, IPv4-mapped public",
            "http://[::10.0.0.1]/hook, IPv4-compatible", "http://[::93.184.216.34]/hook, IPv4-compatible public",
            "http://[64:ff9b::a00:1]/hook, NAT64 of 10.0.0.1", "http://[64:ff9b::5db8:d822]/hook, NAT64 public",
            "http://[2002:a00:1::1]/hook, 6to4 of 10.0.0.1", "http://[2002:5db8:d822::1]/hook, 6to4 public",
            "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/hook, Teredo", "http://[fec0::1]/hook, site-local" })
    void refusesEveryIpv6FormThatReachesIpv4SayingOnlyThatItCannotBeUsed(String url, String form) {
        assertThat(guard(false, List.of()).whyRefused(url)).as(form).contains("this address cannot be used");
    }

    @Test
    void refusesTheMachinesOwnInterfaceAddressesEvenPublicOnes() throws Exception {
        InetAddress own = InetAddress.getByName("93.184.216.34");
        OutboundAddresses onThatMachine = new OutboundAddresses(
                new OutboundSettings(false, List.of(), Duration.ofSeconds(1), Duration.ofSeconds(1)),
                () -> java.util.Set.of(own));

        assertThat(onThatMachine.whyRefused("https://93.184.216.34/hook")).contains("this address cannot be used");
        assertThat(guard(false, List.of()).whyRefused("https://93.184.216.34/hook")).as("elsewhere").isEmpty();
        assertThatThrownBy(() -> onThatMachine.resolve("93.184.216.34"))
                .isInstanceOf(OutboundAddresses.RefusedAddressException.class).hasMessageContaining("93.184.216.34");
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
