package org.smartketing.comms.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.smartketing.shared.Sql;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The demo company comes with a message history: acknowledgements, one escalation, a delegate who answered. */
@IntegrationTest
class MessagesDemoTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void fillsTheDemoWithAcknowledgedMessagesAnEscalationAndADelegatesAcknowledgement() throws Exception {
        fixtures.emptyDatabase();
        mvc.perform(post("/setup").with(csrf()).param("displayName", "Ada Admin").param("email", "ada@example.com")
                .param("password", "first admin password").param("timeZone", "UTC").param("demoCompany", "true"));

        // The demo's messages are history, hours old; jobs other tests left behind may still notify
        // someone now, so only messages sent before the last hour are counted.
        Instant anHourAgo = clock.instant().minus(Duration.ofHours(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM comms_message WHERE sent_at < ?").param(Sql.utc(anHourAgo))
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM comms_recipient r JOIN comms_message m ON m.id = r.message_id
                WHERE m.sent_at < ? AND r.acknowledged_at IS NOT NULL""").param(Sql.utc(anHourAgo)).query(Long.class)
                .single()).as("all acknowledged in the end").isEqualTo(5);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM comms_step s JOIN person p ON p.id = s.recipient_id
                JOIN comms_message m ON m.id = s.message_id
                WHERE m.sent_at < ? AND s.state = 'DELIVERED' AND s.person_id = p.manager_id""")
                .param(Sql.utc(anHourAgo)).query(Long.class).single())
                .as("one escalation reached a manager").isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM comms_recipient r JOIN person p ON p.id = r.person_id
                WHERE p.display_name = 'Hannah Kim' AND r.acknowledged_by_name = 'Emma Johansson'""")
                .query(Long.class).single()).as("the off-grid rep's delegate acknowledged").isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM comms_step s JOIN comms_message m ON m.id = s.message_id
                WHERE m.sent_at < ? AND s.state IN ('PLANNED', 'PENDING', 'SENDING')""").param(Sql.utc(anHourAgo))
                .query(Long.class).single()).as("history only: nothing left to send").isZero();
    }
}
