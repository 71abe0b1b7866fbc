package org.smartketing.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Bad input to every endpoint of comms (reach, messages, inbox, acknowledge links) and meetings
 * (series, meetings, action items, calendar feeds): malformed or mistyped JSON, unknown enum values,
 * non-UUID ids, huge strings, control and bidi characters, as JSON and as form fields. None may answer
 * 500; an API answer of 400 to a bad field names that field.
 */
@IntegrationTest
class NewPartsBadInputTests {

    static final String HUGE = "x".repeat(10_000);
    static final String CONTROL = "Evil\u202Egnp.exe\u0000\u0007\u001B[31m";

    /** Values that are wrong for some field: type, size, enum, UUID, date, control characters. */
    static final List<Object> BAD_JSON_VALUES = List.of(HUGE, CONTROL, "NOT_A_VALUE", "not-a-uuid", "2025-13-45T99:99",
            "", 99_999_999_999L, -1, 1.5, true, Map.of("nested", "object"), List.of("an", "array"),
            List.of(Map.of()));

    /** Raw bodies no endpoint can read. */
    static final List<String> BAD_BODIES = List.of("", "{", "[1, 2]", "\"text\"", "null", "{\"a\":\"\\u0000\"",
            "[".repeat(3000) + "]".repeat(3000), "{\"x\": 1e999999}");

    static final List<String> BAD_FORM_VALUES = List.of(HUGE, CONTROL, "NOT_A_VALUE", "not-a-uuid", "-1",
            "99999999999", "2025-13-45", "2025-13-45T99:99", "");

    Person me;
    Person colleague;
    String token;
    Map<String, String> ids = new LinkedHashMap<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @BeforeEach
    void aSeriesAMeetingAMessageAndAnItem() throws Exception {
        me = fixtures.aPerson(AppRole.ADMIN);
        colleague = fixtures.aPerson(AppRole.MEMBER);
        token = fixtures.tokenFor(me, TokenScope.READ_WRITE);
        JsonNode series = json.readTree(api(HttpMethod.POST, "/api/v1/meeting-series", """
                {"title":"Pipeline","start":"%s","zone":"Europe/Berlin","durationMinutes":30,
                 "rrule":"FREQ=WEEKLY;COUNT=2","sponsorId":"%s","attendeeIds":["%s"],
                 "topic":"Pipeline","endGoal":"Three actions each"}"""
                .formatted(java.time.LocalDate.now().plusDays(7).atTime(9, 0), me.id(), colleague.id()), 201));
        ids.put("{series}", series.get("id").asString());
        String meeting = series.get("meetings").get(0).get("id").asString();
        ids.put("{meeting}", meeting);
        api(HttpMethod.POST, "/api/v1/meetings/" + meeting + "/start", "", 200);
        JsonNode item = json.readTree(api(HttpMethod.POST, "/api/v1/meetings/" + meeting + "/plans",
                "{\"text\":\"Call the top ten\",\"dueOn\":\"" + java.time.LocalDate.now().plusDays(3) + "\"}", 201));
        ids.put("{item}", item.get("id").asString());
        JsonNode message = json.readTree(api(HttpMethod.POST, "/api/v1/messages", """
                {"to":{"person":"%s"},"urgency":"NORMAL","subject":"Hello","body":"Just checking"}"""
                .formatted(colleague.id()), 201));
        JsonNode messageId = message.get("id");
        ids.put("{message}", (messageId.isObject() ? messageId.iterator().next() : messageId).asString());
        ids.put("{me}", me.id().toString());
        ids.put("{colleague}", colleague.id().toString());
    }

    static Stream<Arguments> jsonEndpoints() {
        return Stream.of(
                Arguments.of("PUT /api/v1/people/{colleague}/expectations",
                        List.of("urgent", "normal", "fyi", "quietHours", "urgent.channels", "urgent.responseMinutes",
                                "quietHours.from", "quietHours.until")),
                Arguments.of("POST /api/v1/people/{colleague}/off-grid",
                        List.of("from", "until", "delegateId", "urgent", "normal", "fyi", "note")),
                Arguments.of("POST /api/v1/people/{me}/contact-methods", List.of("kind", "address")),
                Arguments.of("POST /api/v1/people/{me}/contact-methods/SMS/verification", List.of("code")),
                Arguments.of("POST /api/v1/messages",
                        List.of("to", "urgency", "subject", "body", "regarding", "to.person", "to.jobRole", "to.team",
                                "regarding.kind", "regarding.id")),
                Arguments.of("POST /api/v1/meeting-series",
                        List.of("title", "start", "zone", "durationMinutes", "rrule", "sponsorId", "attendeeIds",
                                "teamIds", "topic", "endGoal", "from")),
                Arguments.of("PUT /api/v1/meeting-series/{series}",
                        List.of("title", "start", "zone", "durationMinutes", "rrule", "sponsorId", "attendeeIds",
                                "teamIds", "topic", "endGoal", "from")),
                Arguments.of("PATCH /api/v1/meetings/{meeting}", List.of("start", "durationMinutes", "topic", "endGoal")),
                Arguments.of("POST /api/v1/meetings/{meeting}/agenda", List.of("text", "presenterId")),
                Arguments.of("POST /api/v1/meetings/{meeting}/step", List.of("step")),
                Arguments.of("POST /api/v1/meetings/{meeting}/ideas", List.of("text", "presenterId")),
                Arguments.of("POST /api/v1/meetings/{meeting}/plans",
                        List.of("text", "ownerId", "dueOn", "linkKind", "linkId", "ideaId")),
                Arguments.of("POST /api/v1/meetings/{meeting}/commitments", List.of("action")),
                Arguments.of("POST /api/v1/meetings/{meeting}/ratings", List.of("rating")),
                Arguments.of("PATCH /api/v1/action-items/{item}", List.of("outcome", "newDueOn", "reason", "meetingId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonEndpoints")
    void answersBadJsonWithA4xxNamingTheField(String endpoint, List<String> fields) throws Exception {
        String[] parts = endpoint.split(" ");
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        List<String> failures = new ArrayList<>();
        for (String body : BAD_BODIES) {
            MvcResult result = mvc.perform(apiRequest(method, parts[1], body)).andReturn();
            if (result.getResponse().getStatus() >= 500) {
                failures.add(result.getResponse().getStatus() + " for body " + abbreviate(body));
            }
        }
        for (String field : fields) {
            for (Object value : BAD_JSON_VALUES) {
                String body = json.writeValueAsString(nested(field, value));
                MvcResult result = mvc.perform(apiRequest(method, parts[1], body)).andReturn();
                int status = result.getResponse().getStatus();
                String answer = result.getResponse().getContentAsString();
                if (status >= 500) {
                    failures.add(status + " for " + field + " = " + abbreviate(String.valueOf(value)));
                }
                else if (status == 400 && !answer.contains(leaf(field)) && !answer.contains("\"field\"")) {
                    failures.add("400 not naming " + field + " = " + abbreviate(String.valueOf(value)) + ": " + abbreviate(answer));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    static Stream<Arguments> idEndpoints() {
        return Stream.of("GET /api/v1/people/{x}/expectations", "GET /api/v1/people/{x}/off-grid",
                "PUT /api/v1/people/{x}/expectations", "POST /api/v1/people/{x}/off-grid", "DELETE /api/v1/off-grid/{x}",
                "POST /api/v1/people/{x}/contact-methods", "POST /api/v1/people/{me}/contact-methods/{x}/verification",
                "GET /api/v1/messages/{x}", "POST /api/v1/messages/{x}/ack", "GET /api/v1/meeting-series/{x}",
                "PUT /api/v1/meeting-series/{x}", "DELETE /api/v1/meeting-series/{x}", "GET /api/v1/meeting-series/{x}/ics",
                "GET /api/v1/meetings/{x}", "PATCH /api/v1/meetings/{x}", "POST /api/v1/meetings/{x}/cancel",
                "POST /api/v1/meetings/{x}/agenda", "POST /api/v1/meetings/{x}/start", "POST /api/v1/meetings/{x}/step",
                "POST /api/v1/meetings/{x}/ideas", "POST /api/v1/meetings/{x}/plans",
                "POST /api/v1/meetings/{x}/commitments", "POST /api/v1/meetings/{x}/ratings",
                "POST /api/v1/meetings/{x}/close", "PATCH /api/v1/action-items/{x}",
                "page POST /reach/{x}/verify", "page POST /reach/{x}/resend", "page POST /reach/{x}/remove",
                "page POST /reach/off-grid/{x}/remove", "page POST /inbox/{x}/read", "page GET /messages/{x}",
                "page POST /messages/{x}/ack", "page GET /ack/{x}", "page POST /ack/{x}", "page GET /meetings/series/{x}",
                "page POST /meetings/series/{x}", "page POST /meetings/series/{x}/cancel", "page GET /meetings/{x}",
                "page POST /meetings/{x}", "page POST /meetings/{x}/cancel", "page POST /meetings/{x}/agenda",
                "page POST /meetings/{x}/start", "page GET /meetings/{x}/run", "page POST /meetings/{x}/run/step",
                "page POST /meetings/{x}/run/ideas", "page POST /meetings/{x}/run/items",
                "page POST /meetings/{x}/run/commitments", "page POST /meetings/{x}/run/ratings",
                "page POST /meetings/{x}/run/close", "page POST /meetings/{meeting}/run/follow-up/{x}",
                "page POST /action-items/{x}", "anonymous GET /calendar/{x}.ics", "anonymous GET /ack/{x}",
                "anonymous POST /ack/{x}").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("idEndpoints")
    void answersAnIdItCannotReadWithA4xx(String endpoint) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String bad : List.of("not-a-uuid", "%00", "%E2%80%AE", HUGE, "12345678-1234-1234-1234-1234567890123",
                "../../etc", "SMS%0D%0AX-Injected:1")) {
            MvcResult result = mvc.perform(caller(endpoint.replace("{x}", bad), "{}")).andReturn();
            if (result.getResponse().getStatus() >= 500) {
                failures.add(result.getResponse().getStatus() + " for " + abbreviate(bad));
            }
        }
        assertThat(failures).isEmpty();
    }

    static Stream<Arguments> queries() {
        return Stream.of("GET /api/v1/messages", "GET /api/v1/messages/measures", "GET /api/v1/action-items",
                "GET /api/v1/meeting-series", "GET /api/v1/meeting-measures", "GET /api/v1/meeting-series/calendar.ics",
                "page GET /inbox", "page GET /messages", "page GET /messages/new", "page GET /messages/measures",
                "page GET /charter", "page GET /reach", "page GET /meetings", "page GET /meetings/series/new",
                "page GET /action-items", "page GET /meetings/measures", "page GET /meetings/calendar")
                .map(Arguments::of);
    }

    static final List<String> QUERY_PARAMETERS = List.of("box", "page", "size", "days", "open", "to", "regarding",
            "department", "from", "until", "status", "q");

    @ParameterizedTest(name = "{0}")
    @MethodSource("queries")
    void answersQueryParametersItCannotReadWithA4xx(String endpoint) throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> read = parametersReadBy(endpoint);
        for (String param : QUERY_PARAMETERS.stream().filter(read::contains).toList()) {
            for (String value : BAD_FORM_VALUES) {
                MockHttpServletRequestBuilder call = caller(endpoint, null).param(param, value);
                MvcResult result = mvc.perform(call).andReturn();
                int status = result.getResponse().getStatus();
                if (status >= 500) {
                    failures.add(status + " for " + param + " = " + abbreviate(value));
                }
                else if (status == 400 && !endpoint.startsWith("page")
                        && !result.getResponse().getContentAsString().contains(param)) {
                    failures.add("400 not naming " + param + " = " + abbreviate(value));
                }
            }
        }
        // The rest reach no handler, only what echoes the query (page links): all of them at once per value.
        List<String> ignored = QUERY_PARAMETERS.stream().filter(p -> !read.contains(p)).toList();
        for (String value : ignored.isEmpty() ? List.<String>of() : BAD_FORM_VALUES) {
            MockHttpServletRequestBuilder call = caller(endpoint, null);
            ignored.forEach(param -> call.param(param, value));
            int status = mvc.perform(call).andReturn().getResponse().getStatus();
            if (status >= 500) {
                failures.add(status + " for " + ignored + " = " + abbreviate(value));
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * The query parameters the endpoint's handler method binds; all of them when it binds an object
     * (any field name may be one). Sending each unread parameter on its own re-rendered pages that
     * list everybody a hundred times over for no code path at all.
     */
    private Set<String> parametersReadBy(String endpoint) throws Exception {
        String[] parts = endpoint.split(" ");
        boolean api = !parts[0].equals("page");
        MockHttpServletRequest request = new MockHttpServletRequest(api ? parts[0] : parts[1],
                withIds(api ? parts[1] : parts[2]));
        ServletRequestPathUtils.parseAndCache(request);
        HandlerMethod handler = (HandlerMethod) handlers.getHandler(request).getHandler();
        Set<String> read = new HashSet<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                read.add(param.name().isEmpty() ? parameter.getParameterName() : param.name());
            }
            else if (parameter.getParameterAnnotations().length == 0 && !Model.class.isAssignableFrom(parameter.getParameterType())) {
                return new HashSet<>(QUERY_PARAMETERS);
            }
        }
        return read;
    }

    static Stream<Arguments> forms() {
        return Stream.of(
                Arguments.of("page POST /reach/expectations", List.of("urgentChannels", "urgentMinutes", "normalChannels",
                        "normalMinutes", "fyiChannels", "fyiMinutes", "quietFrom", "quietUntil")),
                Arguments.of("page POST /reach/phone", List.of("phone")),
                Arguments.of("page POST /reach/chat", List.of("webhookUrl")),
                Arguments.of("page POST /reach/SMS/verify", List.of("code")),
                Arguments.of("page POST /reach/off-grid",
                        List.of("from", "until", "delegateId", "urgent", "normal", "fyi", "note")),
                Arguments.of("page POST /messages", List.of("to", "urgency", "subject", "body", "regarding")),
                Arguments.of("page POST /meetings/series",
                        List.of("title", "start", "zone", "durationMinutes", "pattern", "interval", "count", "until",
                                "rrule", "sponsorId", "attendeeIds", "teamIds", "topic", "endGoal")),
                Arguments.of("page POST /meetings/series/{series}",
                        List.of("title", "start", "zone", "durationMinutes", "pattern", "interval", "count", "until",
                                "rrule", "sponsorId", "attendeeIds", "teamIds", "topic", "endGoal")),
                Arguments.of("page POST /meetings/{meeting}", List.of("topic", "endGoal", "start", "durationMinutes")),
                Arguments.of("page POST /meetings/{meeting}/agenda", List.of("text", "presenterId")),
                Arguments.of("page POST /meetings/{meeting}/run/step", List.of("step")),
                Arguments.of("page POST /meetings/{meeting}/run/ideas", List.of("text")),
                Arguments.of("page POST /meetings/{meeting}/run/items",
                        List.of("text", "ownerId", "dueOn", "linkKind", "linkId", "ideaId")),
                Arguments.of("page POST /meetings/{meeting}/run/commitments", List.of("action")),
                Arguments.of("page POST /meetings/{meeting}/run/ratings", List.of("rating")),
                Arguments.of("page POST /meetings/{meeting}/run/follow-up/{item}", List.of("outcome", "newDueOn", "reason")),
                Arguments.of("page POST /action-items/{item}", List.of("outcome", "newDueOn", "reason")),
                Arguments.of("page POST /meetings/calendar", List.of("zone")),
                Arguments.of("page POST /inbox/read", List.of("id")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void answersBadFormFieldsWithoutA500(String endpoint, List<String> fields) throws Exception {
        List<String> failures = new ArrayList<>();
        for (String field : fields) {
            for (String value : BAD_FORM_VALUES) {
                MvcResult result = mvc.perform(caller(endpoint, null).param(field, value)).andReturn();
                if (result.getResponse().getStatus() >= 500) {
                    failures.add(result.getResponse().getStatus() + " for " + field + " = " + abbreviate(value));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private MockHttpServletRequestBuilder caller(String endpoint, String jsonBody) {
        String[] parts = endpoint.split(" ");
        if (parts[0].equals("page") || parts[0].equals("anonymous")) {
            MockHttpServletRequestBuilder call = request(HttpMethod.valueOf(parts[1]), withIds(parts[2]));
            if (parts[0].equals("page")) {
                call.with(user(Fixtures.signedIn(me)));
            }
            return call.with(csrf());
        }
        return apiRequest(HttpMethod.valueOf(parts[0]), parts[1], jsonBody);
    }

    private MockHttpServletRequestBuilder apiRequest(HttpMethod method, String path, String body) {
        MockHttpServletRequestBuilder call = request(method, withIds(path))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (body != null && method != HttpMethod.GET && method != HttpMethod.DELETE) {
            call.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return call;
    }

    private String api(HttpMethod method, String path, String body, int expected) throws Exception {
        MvcResult result = mvc.perform(apiRequest(method, path, body)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(expected);
        return result.getResponse().getContentAsString();
    }

    private String withIds(String path) {
        String p = path;
        for (var id : ids.entrySet()) {
            p = p.replace(id.getKey(), id.getValue());
        }
        return p;
    }

    private static Map<String, Object> nested(String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        int dot = field.indexOf('.');
        if (dot < 0) {
            body.put(field, value);
        }
        else {
            body.put(field.substring(0, dot), nested(field.substring(dot + 1), value));
        }
        return body;
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + ")" : text;
    }
}
