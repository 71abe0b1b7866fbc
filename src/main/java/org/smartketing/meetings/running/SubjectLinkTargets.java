package org.smartketing.meetings.running;

import java.util.List;
import java.util.UUID;

import org.smartketing.activity.ActivitySubjects;
import org.smartketing.meetings.LinkTargets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Leads and campaigns as link targets, known through the activity log's subjects (the funnel answers). */
@Configuration(proxyBeanMethods = false)
class SubjectLinkTargets {

    @Bean
    LinkTargets leadLinks(List<ActivitySubjects> subjects) {
        return target("lead", "Lead", id -> subjects.stream().anyMatch(s -> s.leadExists(id)));
    }

    @Bean
    LinkTargets campaignLinks(List<ActivitySubjects> subjects) {
        return target("campaign", "Campaign", id -> subjects.stream().anyMatch(s -> s.campaignExists(id)));
    }

    private static LinkTargets target(String kind, String label, java.util.function.Predicate<UUID> exists) {
        return new LinkTargets() {
            @Override
            public String kind() {
                return kind;
            }

            @Override
            public String label() {
                return label;
            }

            @Override
            public boolean exists(UUID id) {
                return exists.test(id);
            }
        };
    }
}
