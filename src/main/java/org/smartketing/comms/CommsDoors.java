package org.smartketing.comms;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.stereotype.Component;

/**
 * Who comes in through the communication part's URLs beyond the house rules. Whose message, reach
 * or inbox it is, the part decides on each request.
 */
@Component
class CommsDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        // Signed acknowledgement links from email and text: the link is the credential.
        return List.of(DoorRule.pages(Who.EVERYONE, "/ack/*"));
    }
}
