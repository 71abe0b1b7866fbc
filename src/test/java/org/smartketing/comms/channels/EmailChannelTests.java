package org.smartketing.comms.channels;

import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smartketing.comms.Channel;
import org.smartketing.support.SmtpIntegrationTest;
import org.smartketing.support.TestSmtp;
import org.smartketing.team.PersonId;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The email channel hands a delivery straight to a real SMTP server (GreenMail); same context as SmtpMailTests. */
@SmtpIntegrationTest
class EmailChannelTests {

    @RegisterExtension
    static GreenMailExtension smtp = TestSmtp.server();

    @Autowired
    List<ChannelSender> senders;

    @Test
    void sendsTheDeliveryWithItsAcknowledgeLinkOverSmtp() throws Exception {
        ChannelSender email = senders.stream().filter(s -> s.channel() == Channel.EMAIL).findFirst().orElseThrow();

        email.send(new ChannelDelivery(UUID.randomUUID(), new PersonId(UUID.randomUUID()), "dana@example.com",
                "SLA breached: Acme", "Nobody accepted Acme within 4 working hours.", "https://app.example.com/ack/1"));

        assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("dana@example.com");
        assertThat(received.getSubject()).isEqualTo("SLA breached: Acme");
        assertThat(received.getFrom()[0].toString()).contains("team@smartketing.test");
        assertThat(GreenMailUtil.getBody(received)).contains("Nobody accepted Acme within 4 working hours.")
                .contains("Acknowledge: https://app.example.com/ack/1");
    }
}
