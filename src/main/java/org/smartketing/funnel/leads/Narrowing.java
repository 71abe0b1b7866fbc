package org.smartketing.funnel.leads;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.smartketing.funnel.Stage;

/** The conditions the stage history and its rollup are both narrowed by; null and empty mean any. */
final class Narrowing {

    private Narrowing() {
    }

    static void narrow(List<String> where, List<Object> args, String stageColumn, Set<Stage> stages, String source,
            UUID campaignId, UUID ownerId) {
        if (stages != null && !stages.isEmpty()) {
            where.add(stageColumn + " IN (" + String.join(", ", stages.stream().map(s -> "?").toList()) + ")");
            stages.stream().map(Stage::name).sorted().forEach(args::add);
        }
        if (source != null) {
            where.add("source = ?");
            args.add(source);
        }
        if (campaignId != null) {
            where.add("campaign_id = ?");
            args.add(campaignId);
        }
        if (ownerId != null) {
            where.add("owner_id = ?");
            args.add(ownerId);
        }
    }
}
