package org.smartketing.funnel.intake;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.smartketing.funnel.campaigns.Campaigns;
import org.smartketing.funnel.leads.LeadHistory;
import org.smartketing.shared.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Web-to-Lead: an existing website form (built for Salesforce's servlet) works by changing its
 * action to {@code /w2l} and its {@code oid} to a Smartketing form key. A hidden field
 * {@code smk_hp} that people leave empty and bots fill, and a per-address limit, keep bots out.
 */
@Controller
class WebToLeadController {

    static final String HONEYPOT = "smk_hp";

    private static final int SET_ASIDE_AT_MOST = 40;

    private final WebForms forms;
    private final LeadIntake intake;
    private final Campaigns campaigns;
    private final Validator validator;
    private final AddressRateLimit rateLimit;

    WebToLeadController(WebForms forms, LeadIntake intake, Campaigns campaigns, Validator validator,
            AddressRateLimit rateLimit) {
        this.forms = forms;
        this.intake = intake;
        this.campaigns = campaigns;
        this.validator = validator;
        this.rateLimit = rateLimit;
    }

    @PostMapping(value = "/w2l", consumes = { MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE })
    ModelAndView submit(HttpServletRequest request) throws IOException, ServletException {
        if (!rateLimit.tryTake(request.getRemoteAddr())) {
            return refused(HttpStatus.TOO_MANY_REQUESTS, List.of("Too many submissions from your address; try again in a minute."), null);
        }
        MultiValueMap<String, String> form;
        try {
            form = FormFields.of(request);
        }
        catch (IllegalArgumentException ex) {
            return refused(HttpStatus.CONTENT_TOO_LARGE, List.of(ex.getMessage()), null);
        }
        var webForm = forms.activeByKey(form.getFirst("oid"));
        if (webForm.isEmpty()) {
            return refused(HttpStatus.BAD_REQUEST, List.of("oid: this form is not registered with Smartketing."), null);
        }
        URI backToForm = backTo(request.getHeader(HttpHeaders.REFERER), webForm.get());
        URI returnTo = null;
        String retUrl = form.getFirst("retURL");
        if (retUrl != null && !retUrl.isBlank()) {
            returnTo = parse(retUrl);
            if (returnTo == null || !webForm.get().mayReturnTo(returnTo)) {
                return refused(HttpStatus.BAD_REQUEST, List.of("retURL: this address is not registered for the form."),
                        backToForm);
            }
        }
        if (form.getFirst(HONEYPOT) != null && !form.getFirst(HONEYPOT).isEmpty()) {
            return done(returnTo);
        }
        WebToLeadForm posted = new WebToLeadForm(form, webForm.get(), campaigns::exists);
        List<String> problems = take(posted);
        return problems.isEmpty() ? done(returnTo) : refused(HttpStatus.BAD_REQUEST, problems, backToForm);
    }

    /**
     * Takes the lead; a field at fault that the lead can do without (all but how to reach them) is
     * set aside into the touch's note instead of costing the lead.
     *
     * @return what the person must correct; empty when the lead was taken
     */
    private List<String> take(WebToLeadForm posted) {
        for (int attempt = 0; attempt < SET_ASIDE_AT_MOST; attempt++) {
            IncomingLead lead = posted.lead();
            Set<ConstraintViolation<IncomingLead>> violations = validator.validate(lead);
            List<String> fields = violations.stream().map(v -> v.getPropertyPath().toString().split("[\\[.<]")[0]).toList();
            if (fields.contains("email")) {
                return violations.stream().map(v -> WebToLeadForm.formName(v.getPropertyPath().toString()) + ": " + v.getMessage())
                        .sorted().toList();
            }
            if (!violations.isEmpty()) {
                violations.forEach(v -> posted.setAside(field(v), v.getMessage()));
                continue;
            }
            try {
                intake.take(lead, LeadHistory.Channel.WEB_FORM, posted.note());
                return List.of();
            }
            catch (SuppressedPersonException ex) {
                // never set aside: the person's phone would come in through the note
                return List.of(WebToLeadForm.formName(ex.field()) + ": " + ex.getMessage());
            }
            catch (InvalidFieldException ex) {
                if (ex.field().equals("email") || !posted.setAside(ex.field(), ex.getMessage())) {
                    return List.of(WebToLeadForm.formName(ex.field()) + ": " + ex.getMessage());
                }
            }
        }
        return List.of("The form has too many fields we cannot read.");
    }

    /** The violated field by our name: {@code custom.<key>} for a custom field's value. */
    private static String field(ConstraintViolation<IncomingLead> v) {
        String path = v.getPropertyPath().toString();
        if (path.startsWith("custom[")) {
            return "custom." + path.substring("custom[".length(), path.indexOf(']'));
        }
        return path.split("[\\[.<]")[0];
    }

    /** The page the form is on, when the browser says so and it is on one of the form's hosts. */
    private static URI backTo(String referer, WebForms.WebForm form) {
        URI page = referer == null ? null : parse(referer);
        return page != null && form.mayReturnTo(page) ? page : null;
    }

    private static ModelAndView done(URI returnTo) {
        if (returnTo != null) {
            return new ModelAndView("redirect:" + returnTo);
        }
        return new ModelAndView("funnel/w2l-thanks");
    }

    private static ModelAndView refused(HttpStatus status, List<String> problems, URI backToForm) {
        ModelAndView view = new ModelAndView("funnel/w2l-refused");
        view.addObject("problems", problems);
        view.addObject("backToForm", backToForm == null ? null : backToForm.toString());
        view.setStatus(status);
        return view;
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
