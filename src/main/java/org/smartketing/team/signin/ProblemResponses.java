package org.smartketing.team.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** 401, 403 and 429 for API clients, as problem details rather than a login page. */
@Component
class ProblemResponses {

    private final JsonMapper json;
    ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized(boolean offerBasic) {
        return (request, response, ex) -> {
            if (ex instanceof SignInThrottledException throttled) {
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1,
                        throttled.waitFor().toSeconds() + (throttled.waitFor().toNanosPart() > 0 ? 1 : 0))));
                write(response, HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
                return;
            }
            if (offerBasic) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Smartketing\"");
            }
            else {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            }
            write(response, HttpStatus.UNAUTHORIZED, offerBasic
                    ? "Send your email and password as HTTP Basic credentials."
                    : "Send an API token as 'Authorization: Bearer <token>'; create one under Tokens.");
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
                "Your role or your token's scope does not allow this.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
