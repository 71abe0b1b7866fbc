package org.smartketing.comms.reach;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.smartketing.comms.Channel;
import org.smartketing.comms.Urgency;

/**
 * What applies until a person states their own expectations, built from the channels they have:
 * URGENT by text, then chat, then email, answered within an hour (in the app and by email when
 * neither phone nor chat is verified); NORMAL by chat (else in the app), then email, within four
 * hours; FYI in the app, then email, within two days.
 */
final class DefaultExpectations {

    static final Duration URGENT_RESPONSE = Duration.ofHours(1);
    static final Duration NORMAL_RESPONSE = Duration.ofHours(4);
    static final Duration FYI_RESPONSE = Duration.ofDays(2);

    private DefaultExpectations() {
    }

    static Map<Urgency, Reach.Expectation> forChannels(Set<Channel> usable) {
        List<Channel> urgent = new ArrayList<>();
        if (usable.contains(Channel.SMS)) {
            urgent.add(Channel.SMS);
        }
        if (usable.contains(Channel.CHAT)) {
            urgent.add(Channel.CHAT);
        }
        if (urgent.isEmpty()) {
            urgent.add(Channel.IN_APP);
        }
        urgent.add(Channel.EMAIL);
        List<Channel> normal = List.of(usable.contains(Channel.CHAT) ? Channel.CHAT : Channel.IN_APP, Channel.EMAIL);
        return Map.of(Urgency.URGENT, new Reach.Expectation(List.copyOf(urgent), URGENT_RESPONSE),
                Urgency.NORMAL, new Reach.Expectation(normal, NORMAL_RESPONSE),
                Urgency.FYI, new Reach.Expectation(List.of(Channel.IN_APP, Channel.EMAIL), FYI_RESPONSE));
    }
}
