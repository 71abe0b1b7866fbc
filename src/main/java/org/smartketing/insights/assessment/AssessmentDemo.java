package org.smartketing.insights.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.smartketing.team.DemoCompanyFilled;
import org.smartketing.team.Department;
import org.smartketing.team.PersonSummary;
import org.smartketing.team.SignedInPerson;
import org.smartketing.team.TeamDirectory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo company's self-assessment: this quarter's round, answered by the five marketers and the
 * five salespeople (management and operations have not answered yet, so theirs shows no figure).
 * Marketing thinks its leads are good and the handoff quick; sales does not: the perception gap on
 * lead generation and pipeline is about two points, beside the funnel demo's measured rejection rate.
 */
@Component
class AssessmentDemo {

    /** Each side's typical score per dimension; a person's answer varies around it by at most one. */
    private static final Map<Dimension, int[]> TYPICAL = Map.of(
            Dimension.RELATIONSHIPS, new int[] { 4, 3 },
            Dimension.METRICS, new int[] { 3, 3 },
            Dimension.LEAD_GENERATION, new int[] { 4, 2 },
            Dimension.CULTURE, new int[] { 4, 3 },
            Dimension.SYSTEMS, new int[] { 4, 2 },
            Dimension.MESSAGING, new int[] { 3, 2 });

    private final SelfAssessments assessments;
    private final TeamDirectory directory;

    AssessmentDemo(SelfAssessments assessments, TeamDirectory directory) {
        this.assessments = assessments;
        this.directory = directory;
    }

    /** Synchronous, like every part's demo: the demo company is filled as one whole, or not at all. */
    @EventListener
    void fill(DemoCompanyFilled filled) {
        var members = directory.membersOf(filled.teamId());
        if (members.isEmpty()) {
            return;
        }
        String domain = members.get(0).email().substring(members.get(0).email().indexOf('@'));
        assessments.openThisQuarter("demo");
        int i = 0;
        for (PersonSummary p : directory.enabledPeople()) {
            if (!p.email().endsWith(domain)
                    || p.department() != Department.MARKETING && p.department() != Department.SALES) {
                continue;
            }
            int side = p.department() == Department.MARKETING ? 0 : 1;
            Map<String, Integer> scores = new LinkedHashMap<>();
            int j = 0;
            for (Statement s : Statement.values()) {
                int typical = TYPICAL.get(s.dimension())[side];
                int wobble = (i * 7 + j * 3) % 3 - 1; // -1, 0 or 1, the same every time
                scores.put(s.key(), Math.max(1, Math.min(5, typical + wobble)));
                j++;
            }
            assessments.answer(scores, new SignedInPerson(p.id(), p.email(), p.displayName(), p.appRole(),
                    p.department(), p.zone(), true, null, Set.of()));
            i++;
        }
    }
}
