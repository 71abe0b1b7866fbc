package org.smartketing.web;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smartketing.funnel.leads.Lead;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every page form, found from the handler mappings (so a new one is in at once), posted by a signed-in
 * admin with its fields missing and malformed: none may answer 500, and a 400 page names the field.
 */
@IntegrationTest
class PageFormsBadInputTests {

    static final List<String> BAD_VALUES = List.of("x".repeat(10_000), "Evil\u202Egnp.exe\u0000\u0007\u001B[31m",
            "NOT_A_VALUE", "not-a-uuid", "-1", "99999999999", "1e999", "2025-13-45", "2025-13-45T99:99", "25:99", "", " ");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    Person me;
    Person colleague;
    /** What a path variable stands for, by the path's first words: real things, so the form is reached. */
    Map<String, String> things = new LinkedHashMap<>();

    @BeforeEach
    void somethingOfEachKind() throws Exception {
        me = fixtures.aPerson(AppRole.ADMIN);
        colleague = fixtures.aPerson(AppRole.MEMBER);
        String token = fixtures.tokenFor(me, TokenScope.READ_WRITE);
        Lead lead = fixtures.aLead("DE");
        JsonNode series = json.readTree(mvc.perform(post("/api/v1/meeting-series")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"title":"Pipeline","start":"%s","zone":"Europe/Berlin","durationMinutes":30,
                         "rrule":"FREQ=WEEKLY;COUNT=2","sponsorId":"%s","attendeeIds":["%s"],
                         "topic":"Pipeline","endGoal":"Three actions each"}"""
                        .formatted(java.time.LocalDate.now().plusDays(7).atTime(9, 0), me.id(), colleague.id())))
                .andReturn().getResponse().getContentAsString());
        String meeting = series.get("meetings").get(0).get("id").asString();
        mvc.perform(post("/api/v1/meetings/" + meeting + "/start").header(HttpHeaders.AUTHORIZATION, "Bearer " + token));
        JsonNode item = json.readTree(mvc.perform(post("/api/v1/meetings/" + meeting + "/plans")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Call the top ten\",\"dueOn\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}"))
                .andReturn().getResponse().getContentAsString());
        // deleting is tried on a lead of its own, so that the other forms still find theirs
        things.put("/leads/{id}/delete", fixtures.aLead("DE").id().toString());
        JsonNode webhook = json.readTree(mvc.perform(post("/api/v1/webhooks")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"url\":\"" + org.smartketing.support.LocalReceiver.get().url("/hooks/forms")
                        + "\",\"events\":[\"lead.assigned\"]}"))
                .andReturn().getResponse().getContentAsString());
        things.put("/admin/webhooks/{id}", webhook.get("id").asString());
        things.put("/leads/{id}", lead.id().toString());
        things.put("/people/{id}", colleague.id().toString());
        things.put("/meetings/series/{id}", series.get("id").asString());
        things.put("/meetings/{id}", meeting);
        things.put("{itemId}", item.get("id").asString());
        things.put("/action-items/{id}", item.get("id").asString());
        things.put("/reach/{kind}", "SMS");
        things.put("{type}", "EMAIL");
    }

    @Test
    void noPageFormAnswers500ToMissingOrMalformedFields() throws Exception {
        List<String> failures = new ArrayList<>();
        int forms = 0;
        for (var entry : handlers.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            if (!isPageForm(entry.getKey(), handler)) {
                continue;
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                forms++;
                String path = withThings(pattern);
                Set<String> fields = fieldsOf(handler);
                check(failures, pattern, "no fields", post(path), fields);
                for (String value : BAD_VALUES) {
                    MockHttpServletRequestBuilder all = post(path);
                    fields.forEach(f -> all.param(f, value));
                    check(failures, pattern, "every field = " + shortly(value), all, fields);
                    for (String field : fields) {
                        check(failures, pattern, field + " = " + shortly(value), post(path).param(field, value), fields);
                    }
                }
            }
        }
        assertThat(forms).as("page forms found").isGreaterThan(60);
        assertThat(failures).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no stage                    | details=true                                       | to",
        "an unknown stage            | to=NOWHERE&details=true                            | to",
        "a bad date to look again    | to=RECYCLED&reason=Later&requalifyOn=2027-13-45&details=true | requalifyOn",
        "a bad amount                | to=OPPORTUNITY&amount=lots&currency=EUR&details=true | amount",
        "a bad currency              | to=OPPORTUNITY&amount=10&currency=EURO&details=true | currency" })
    void aBadMoveIsA400PageNamingTheField(String what, String form, String field) throws Exception {
        MockHttpServletRequestBuilder move = post(withThings("/leads/{id}/move"));
        UriComponentsBuilder.fromUriString("?" + form).build().getQueryParams()
                .forEach((name, values) -> move.param(name, values.toArray(String[]::new)));

        MvcResult result = mvc.perform(move.with(user(Fixtures.signedIn(me))).with(csrf())).andReturn();

        assertThat(result.getResponse().getStatus()).as(what).isEqualTo(400);
        assertThat(named(result.getResponse().getContentAsString()).test(field)).as(what + " names " + field).isTrue();
    }

    private void check(List<String> failures, String pattern, String what, MockHttpServletRequestBuilder call,
            Set<String> fields) throws Exception {
        MvcResult result;
        try {
            result = mvc.perform(call.with(user(Fixtures.signedIn(me))).with(csrf())).andReturn();
        }
        catch (Exception ex) {
            failures.add("500 (" + rootCause(ex) + ") from POST " + pattern + " with " + what);
            return;
        }
        int status = result.getResponse().getStatus();
        if (status >= 500) {
            failures.add(status + " from POST " + pattern + " with " + what);
        }
        else if (status == 400) {
            Set<String> names = new LinkedHashSet<>(fields);
            java.util.regex.Matcher variable = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(pattern);
            while (variable.find()) {
                names.add(variable.group(1));
            }
            String page = result.getResponse().getContentAsString();
            // a form whose field names are its data (the self-assessment's statement keys) names them on
            // the page its own tests read; here it must at least be the page that asks to check the input
            boolean freeForm = names.isEmpty() && page.contains("Please check what you entered");
            if (!freeForm && names.stream().noneMatch(named(page))) {
                failures.add("400 from POST " + pattern + " with " + what + " naming none of " + names);
            }
        }
    }

    /**
     * The page names the field: next to it or at the top of the form shown again (which lists every
     * field at fault), or on the error page ({@code urgent.channels} names {@code urgentChannels}).
     */
    private static java.util.function.Predicate<String> named(String page) {
        String words = page.toLowerCase(java.util.Locale.ROOT).replace(".", "");
        return field -> page.contains("id=\"" + field + "-error\"") || page.contains("id=\"form-errors\"")
                || words.contains(field.toLowerCase(java.util.Locale.ROOT).replace(".", "") + ": ");
    }

    /** A POST handled by a page controller (not the API, not the error page, not Web-to-Lead's public intake). */
    private static boolean isPageForm(RequestMappingInfo mapping, HandlerMethod handler) {
        boolean post = mapping.getMethodsCondition().getMethods().stream().anyMatch(m -> m.name().equals("POST"));
        return post && !handler.getBeanType().isAnnotationPresent(RestController.class)
                && mapping.getPatternValues().stream().noneMatch(p -> p.startsWith("/api/") || p.startsWith("/error"));
    }

    /** Form fields the handler reads: its request parameters and the properties of the objects it binds. */
    private static Set<String> fieldsOf(HandlerMethod handler) {
        Set<String> fields = new LinkedHashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            Class<?> type = parameter.getParameterType();
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                String name = param.name().isEmpty() ? parameter.getParameterName() : param.name();
                if (!name.isEmpty() && !Map.class.isAssignableFrom(type)) {
                    fields.add(name);
                }
            }
            else if (!parameter.hasParameterAnnotation(PathVariable.class)
                    && !parameter.hasParameterAnnotation(AuthenticationPrincipal.class) && !BeanUtils.isSimpleProperty(type)
                    && !Model.class.isAssignableFrom(type) && !Errors.class.isAssignableFrom(type)
                    && !RedirectAttributes.class.isAssignableFrom(type) && !Principal.class.isAssignableFrom(type)
                    && !ServletRequest.class.isAssignableFrom(type) && !ServletResponse.class.isAssignableFrom(type)
                    && !type.getName().startsWith("java.") && !type.getName().startsWith("org.springframework.")) {
                if (type.isRecord()) {
                    for (RecordComponent component : type.getRecordComponents()) {
                        fields.add(component.getName());
                    }
                }
                else {
                    for (Method setter : type.getMethods()) {
                        if (setter.getName().startsWith("set") && setter.getParameterCount() == 1) {
                            fields.add(Character.toLowerCase(setter.getName().charAt(3)) + setter.getName().substring(4));
                        }
                    }
                }
            }
        }
        return fields;
    }

    /** The pattern with each path variable as a real thing where we have one, else an unknown id. */
    private String withThings(String pattern) {
        String path = pattern;
        for (var thing : things.entrySet()) {
            if (thing.getKey().startsWith("{")) {
                path = path.replace(thing.getKey(), thing.getValue());
            }
            else if (path.startsWith(thing.getKey())) {
                path = thing.getKey().replaceFirst("\\{[^}]+}", thing.getValue())
                        + path.substring(thing.getKey().length());
            }
        }
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    private static String rootCause(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return shortly(cause.getClass().getSimpleName() + ": " + cause.getMessage());
    }

    private static String shortly(String value) {
        return value.length() > 80 ? value.substring(0, 80) + "…(" + value.length() + ")" : value;
    }
}
