package org.smartketing.comms.reach;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo company comes with everyone's reach, one person off-grid now with a delegate, and one not confirmed. */
@IntegrationTest
class ReachDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    StoredReachBook book;

    @Test
    void fillsEveryonesReachWithOneOffGridWithADelegateAndOneUnconfirmed() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        List<Reach> everyone = book.everyone(Instant.now());

        assertThat(everyone.stream().filter(r -> !r.confirmed()).map(r -> r.person().displayName()))
                .as("the two who joined this quarter have not said yet either")
                .containsExactlyInAnyOrder(ReachDemo.UNCONFIRMED, "Ada Admin", "Noah Fischer", "Aisha Rahman");
        assertThat(everyone.stream().filter(Reach::isOffGrid)).singleElement().satisfies(r -> {
            assertThat(r.person().displayName()).isEqualTo(ReachDemo.OFF_GRID);
            assertThat(r.offGrid().get().channelsFor(Urgency.URGENT)).containsExactly(Channel.SMS);
            assertThat(everyone.stream().filter(d -> d.person().id().equals(r.offGrid().get().delegate()))
                    .map(d -> d.person().displayName())).containsExactly(ReachDemo.DELEGATE);
        });
        assertThat(everyone.stream().filter(r -> r.person().email().endsWith("@northwind.example.com"))
                .filter(r -> !List.of("Noah Fischer", "Aisha Rahman").contains(r.person().displayName())))
                .hasSize(10).allSatisfy(r -> {
                    assertThat(r.canUse(Channel.SMS)).isTrue();
                    assertThat(r.address(Channel.SMS).orElseThrow()).startsWith("+447700900");
                    r.expectations().values().forEach(e -> assertThat(e.channels()).allMatch(r::canUse));
                });
        assertThat(everyone.stream().map(r -> r.address(Channel.CHAT)).flatMap(java.util.Optional::stream))
                .isNotEmpty().allMatch(url -> url.startsWith("https://chat.example.com/hooks/"));
    }
}
