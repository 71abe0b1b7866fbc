package org.smartketing.imports.running;

import java.util.Map;

import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Regarding;
import org.smartketing.comms.Urgency;
import org.smartketing.team.PersonId;
import org.smartketing.team.TeamDirectory;
import org.springframework.stereotype.Component;

/**
 * What an import of leads tells people once its leads are scored: each rep routing gave MQLs to,
 * once, with how many and where to find them (never once per lead), and the importer how many MQLs
 * wait in the unassigned queue. Sent through the comms router, each person their own way.
 */
@Component
class MqlNotices {

    private final Messenger messenger;
    private final TeamDirectory directory;

    MqlNotices(Messenger messenger, TeamDirectory directory) {
        this.messenger = messenger;
        this.directory = directory;
    }

    void tell(ImportJob job, Map<PersonId, Integer> assigned, long unrouted) {
        assigned.forEach((rep, count) -> {
            if (directory.person(rep).isEmpty()) {
                return;
            }
            String leads = count == 1 ? "1 new lead" : count + " new leads";
            messenger.send(NewMessage.system(rep, Urgency.NORMAL, leads + " assigned to you from an import",
                    "Routing gave you " + leads + " that the import of " + job.fileName() + " made "
                            + "marketing-qualified. The handoff agreement's clocks run from now: accept or reject "
                            + (count == 1 ? "it" : "each") + ", then make first contact.\n",
                    new Regarding("leads", job.id().toString(), "Your new MQLs", "/leads?stage=MQL&owner=me")));
        });
        if (unrouted > 0 && directory.person(job.createdBy()).isPresent()) {
            String mqls = unrouted == 1 ? "1 lead" : unrouted + " leads";
            messenger.send(NewMessage.system(job.createdBy(), Urgency.NORMAL, mqls + " from your import wait for an owner",
                    "The import of " + job.fileName() + " made " + mqls + " marketing-qualified that "
                            + (job.route() ? "routing found no sales owner for" : "were not routed, as you chose")
                            + ". They wait in the unassigned queue until a manager routes them.\n",
                    new Regarding("leads", job.id().toString(), "MQLs without an owner", "/leads?stage=MQL&owner=nobody")));
        }
    }
}
