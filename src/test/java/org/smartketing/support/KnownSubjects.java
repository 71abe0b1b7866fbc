package org.smartketing.support;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.smartketing.activity.ActivitySubjects;

/** Stands in for the part that owns leads and campaigns: only the ids a test made up here exist. */
public class KnownSubjects implements ActivitySubjects {

    private final Set<UUID> leads = ConcurrentHashMap.newKeySet();
    private final Set<UUID> campaigns = ConcurrentHashMap.newKeySet();

    public UUID aLead() {
        UUID id = UUID.randomUUID();
        leads.add(id);
        return id;
    }

    public UUID aCampaign() {
        UUID id = UUID.randomUUID();
        campaigns.add(id);
        return id;
    }

    @Override
    public boolean leadExists(UUID id) {
        return leads.contains(id);
    }

    @Override
    public boolean campaignExists(UUID id) {
        return campaigns.contains(id);
    }
}
