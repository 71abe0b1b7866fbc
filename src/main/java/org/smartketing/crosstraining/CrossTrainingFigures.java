package org.smartketing.crosstraining;

import java.time.LocalDate;
import java.util.List;

import org.smartketing.crosstraining.coverage.Coverage;
import org.smartketing.crosstraining.measures.Effect;
import org.smartketing.crosstraining.measures.Measures;
import org.smartketing.team.Department;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How other parts (insights) read cross-training: the coverage of each role by the other
 * department now, and the measured effect on handoff quality over some days, as the
 * cross-training measures page shows them.
 */
@Service
@Transactional(readOnly = true)
public class CrossTrainingFigures {

    /**
     * One role: how many of the other department have seen it and how many in it hosted.
     *
     * @param target how many of the other department should have seen it
     */
    public record RoleCoverage(Department department, String role, int people, int seenBy, int hosts, int target,
            boolean meetsTarget) {
    }

    /**
     * One department's effect: rejection rate (marketers) or hours to accept (reps) of those who
     * took part against the others, before and after they took part.
     *
     * @param difference in the measure's own unit; null when a group has nothing to compare
     * @param enough     whether every group and period has enough leads to tell
     */
    public record DepartmentEffect(Department department, Double participantsBefore, Double participantsAfter,
            Double othersBefore, Double othersAfter, int participantLeads, int otherLeads, Double difference,
            boolean enough, String verdict) {
    }

    /**
     * @param coverage     covered cells of the coverage matrix as a share, 0 to 1
     * @param sessionsHeld sessions held in the period
     */
    public record Figures(double coverage, List<RoleCoverage> roles, List<DepartmentEffect> effects, int sessionsHeld,
            double spentHours, int budgetHours) {
    }

    private final Coverage coverage;
    private final Measures measures;

    CrossTrainingFigures(Coverage coverage, Measures measures) {
        this.coverage = coverage;
        this.measures = measures;
    }

    /** Coverage now; the effect over the days {@code from} up to, not including, {@code to} (UTC days). */
    public Figures over(LocalDate from, LocalDate to) {
        Coverage.Matrix matrix = coverage.matrix();
        Measures.Report report = measures.report(from, to);
        List<RoleCoverage> roles = matrix.roles().stream()
                .map(r -> new RoleCoverage(r.department(), r.role(), r.people(), r.seenBy(), r.hosts(),
                        Coverage.SEEN_TARGET, r.meetsTarget()))
                .toList();
        return new Figures(matrix.coveragePercent() / 100.0, roles,
                List.of(effect(report.marketers(), true), effect(report.reps(), false)), report.sessionsHeld(),
                report.spentHours(), report.budgetHours());
    }

    private static DepartmentEffect effect(Effect.Measure m, boolean rejections) {
        return new DepartmentEffect(m.department(), value(m.participantsBefore(), rejections),
                value(m.participantsAfter(), rejections), value(m.othersBefore(), rejections),
                value(m.othersAfter(), rejections), leads(m.participantsBefore()) + leads(m.participantsAfter()),
                leads(m.othersBefore()) + leads(m.othersAfter()), m.difference(), m.enough(), m.verdict());
    }

    private static Double value(Effect.Cell cell, boolean rejections) {
        if (cell == null) {
            return null;
        }
        return rejections ? cell.rejectionRate() : cell.medianHoursToAnswer();
    }

    private static int leads(Effect.Cell cell) {
        return cell == null ? 0 : cell.leads();
    }
}
