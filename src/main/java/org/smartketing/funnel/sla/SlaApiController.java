package org.smartketing.funnel.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.smartketing.shared.InvalidFieldException;
import org.smartketing.team.Department;
import org.smartketing.team.SignedInPerson;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import java.io.IOException;
import jakarta.servlet.http.HttpServletResponse;
import org.smartketing.shared.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The handoff agreement and the SLA report over JSON (the report also as CSV). */
@RestController
@Tag(name = "Handoffs")
@RequestMapping("/api/v1/sla")
class SlaApiController {

    record AgreementView(int version, int acceptHours, int firstContactHours, int mqlsPerMonth, Instant createdAt,
            String createdBy, boolean signedByBoth, List<Agreement.Signature> signatures) {

        static AgreementView of(Agreement a) {
            return new AgreementView(a.version(), a.acceptHours(), a.firstContactHours(), a.mqlsPerMonth(),
                    a.createdAt(), a.createdBy(), a.signedByBoth(), a.signatures());
        }
    }

    record SignatureRequest(@NotNull Integer version, Department department) {
    }

    private final SlaAgreements agreements;
    private final SlaReport report;
    private final Clock clock;

    SlaApiController(SlaAgreements agreements, SlaReport report, Clock clock) {
        this.agreements = agreements;
        this.report = report;
        this.clock = clock;
    }

    @Operation(operationId = "getHandoffAgreement", summary = "The handoff agreement: how soon sales takes up a lead")
    @GetMapping
    AgreementView get() {
        return AgreementView.of(agreements.current());
    }

    /** New terms make a new, unsigned version (admins; refused by URL for anyone else). */
    @Operation(operationId = "changeHandoffAgreement", summary = "Change the handoff agreement: a new, unsigned version (admins)")
    @PutMapping
    AgreementView change(@Valid @RequestBody AgreementTerms terms, @AuthenticationPrincipal SignedInPerson me) {
        return AgreementView.of(agreements.change(terms, me));
    }

    /** A manager of sales or marketing signs the current version for their department. */
    @Operation(operationId = "signHandoffAgreement", summary = "Sign the current handoff agreement for your department (managers)")
    @PostMapping("/signatures")
    AgreementView sign(@Valid @RequestBody SignatureRequest request, @AuthenticationPrincipal SignedInPerson me) {
        return AgreementView.of(agreements.sign(request.version(), request.department(), me));
    }

    /** {@code ?month=2026-11} (default: this month). */
    @Operation(operationId = "getHandoffReport", summary = "The handoff report for a month (default: this month)")
    @GetMapping("/report")
    SlaReport.Report report(@RequestParam(required = false) String month) {
        return report.of(month(month, clock));
    }

    /** The report as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GetMapping(path = "/report", produces = CsvDownloads.TEXT_CSV)
    void reportCsv(@RequestParam(required = false) String month, HttpServletResponse response) throws IOException {
        SlaReport.send(response, report.of(month(month, clock)));
    }

    static YearMonth month(String text, Clock clock) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock.withZone(ZoneOffset.UTC));
        }
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < 2000 || month.getYear() > 2999) {
                throw new InvalidFieldException("month", "must be a month between 2000-01 and 2999-12");
            }
            return month;
        }
        catch (DateTimeParseException ex) {
            throw new InvalidFieldException("month", "must be a month like 2026-11");
        }
    }
}
