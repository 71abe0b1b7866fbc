package org.smartketing.meetings;

import java.util.UUID;

/**
 * One kind of thing an action item may be linked to. The part that owns such things declares a
 * bean (meetings itself for leads and campaigns, through the activity log's subjects; goals plug in
 * here with kind {@code goal} when they exist), so meetings checks a link without depending on the
 * parts that depend on it. A kind no bean declares is refused.
 */
public interface LinkTargets {

    /** What the link says it points to, e.g. {@code lead}; one bean per kind. */
    String kind();

    /** How the runner page offers the kind, e.g. "Lead". */
    String label();

    /** Whether there is such a thing with this id. */
    boolean exists(UUID id);
}
