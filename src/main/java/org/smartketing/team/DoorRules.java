package org.smartketing.team;

import java.util.List;

/**
 * How a part guards its own doors: the part declares one bean with the rules for its URLs that
 * differ from the house rules (see {@link DoorRule}), next to its {@code package-info.java}. Sign-in
 * puts every part's rules into its filter chains, after the house's own (sign-in pages, admin-only
 * {@code /admin/**}) and before the general ones, so a URL is refused before its controller runs
 * (an API body is not even read). What depends on the thing itself (invited to this meeting, the
 * owner of this message) the part decides in its code and refuses with
 * {@link org.smartketing.shared.NotPermittedException} (403).
 */
public interface DoorRules {

    List<DoorRule> rules();
}
