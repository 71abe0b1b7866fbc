package org.smartketing.meetings;

import java.util.List;

import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRule.Who;
import org.smartketing.team.DoorRules;
import org.springframework.stereotype.Component;

/**
 * Who comes in through the meetings' URLs beyond the house rules. Who may change which meeting
 * (organizer, sponsor, attendees) the meeting decides itself, refusing others with 403.
 */
@Component
class MeetingDoors implements DoorRules {

    @Override
    public List<DoorRule> rules() {
        // Calendar apps subscribe without a session: the secret in the URL is the key.
        return List.of(DoorRule.pages(Who.EVERYONE, "/calendar/*"));
    }
}
