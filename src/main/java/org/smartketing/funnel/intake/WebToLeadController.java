package org.smartketing.funnel.intake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.smartketing.funnel.leads.LeadHistory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Web-to-Lead: an existing website form (built for Salesforce's servlet) works by changing its
 * action to {@code /w2l} and its {@code oid} to a Smartketing form key. A hidden field
 * {@code smk_hp} that people leave empty and bots fill, and a per-address limit, keep bots out.
 */
@Controller
class WebToLeadController {

    static final String HONEYPOT = "smk_hp";

    /** Our field names → the form's, so errors name what the website author wrote. */
    private static final Map<String, String> FORM_NAMES = Map.of("email", "email", "firstName", "first_name",
            "lastName", "last_name", "company", "company", "title", "title", "phone", "phone", "source", "lead_source",
            "description", "description", "country", "country", "campaignId", "oid");

    private final WebForms forms;
    private final LeadIntake intake;
    private final Validator validator;
    private final AddressRateLimit rateLimit;

    WebToLeadController(WebForms forms, LeadIntake intake, Validator validator, AddressRateLimit rateLimit) {
        this.forms = forms;
        this.intake = intake;
        this.validator = validator;
        this.rateLimit = rateLimit;
    }

    @PostMapping(value = "/w2l", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ModelAndView submit(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        if (!rateLimit.tryTake(request.getRemoteAddr())) {
            return refused(HttpStatus.TOO_MANY_REQUESTS, List.of("Too many submissions from your address; try again in a minute."));
        }
        var webForm = forms.activeByKey(form.getFirst("oid"));
        if (webForm.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, List.of("oid: this form is not registered with Smartketing."));
        }
        URI returnTo = null;
        String retUrl = form.getFirst("retURL");
        if (retUrl != null && !retUrl.isBlank()) {
            returnTo = parse(retUrl);
            if (returnTo == null || !webForm.get().mayReturnTo(returnTo)) {
                return refused(HttpStatus.BAD_REQUEST, List.of("retURL: this address is not registered for the form."));
            }
        }
        if (form.getFirst(HONEYPOT) != null && !form.getFirst(HONEYPOT).isEmpty()) {
            return done(returnTo);
        }
        String country = form.getFirst("country");
        IncomingLead lead = new IncomingLead(form.getFirst("email"), form.getFirst("phone"), null, null, form.getFirst("first_name"), form.getFirst("last_name"), form.getFirst("company"), form.getFirst("title"), null, null, null, null, null, form.getFirst("state"), country != null && country.strip().length() == 2 ? country.strip() : null, null, null, form.getFirst("description"), form.getFirst("lead_source") != null ? form.getFirst("lead_source") : webForm.get().source(), webForm.get().campaignId(), null, null, null, null, null, null, null);
        Set<ConstraintViolation<IncomingLead>> violations = validator.validate(lead);
        if (!violations.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, violations.stream()
                    .map(v -> formName(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted().toList());
        }
        try {
            intake.take(lead, LeadHistory.Channel.WEB_FORM);
        }
        catch (org.smartketing.shared.InvalidFieldException ex) {
            return refused(HttpStatus.BAD_REQUEST, List.of(formName(ex.field()) + ": " + ex.getMessage()));
        }
        return done(returnTo);
    }

    private static ModelAndView done(URI returnTo) {
        if (returnTo != null) {
            return new ModelAndView("redirect:" + returnTo);
        }
        return new ModelAndView("funnel/w2l-thanks");
    }

    private static ModelAndView refused(HttpStatus status, List<String> problems) {
        ModelAndView view = new ModelAndView("funnel/w2l-refused");
        view.addObject("problems", problems);
        view.setStatus(status);
        return view;
    }

    private static String formName(String field) {
        return FORM_NAMES.getOrDefault(field, field);
    }

    private static URI parse(String url) {
        try {
            return new URI(url.strip());
        }
        catch (URISyntaxException ex) {
            return null;
        }
    }
}
