package org.smartketing.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every unhandled error ends: a friendly page for browsers, problem details for every other
 * client. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ModelAndView view = new ModelAndView(viewFor(status));
        view.addObject("status", status.value());
        view.addObject("reason", status.getReasonPhrase());
        view.setStatus(status);
        return view;
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(detailFor(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String viewFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "error/404";
            case FORBIDDEN -> "error/403";
            default -> "error/general";
        };
    }

    private static String detailFor(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case UNAUTHORIZED -> "Sign in, or send an API token as 'Authorization: Bearer <token>'.";
            case FORBIDDEN -> "Your role or token scope does not allow this.";
            case METHOD_NOT_ALLOWED -> "This address does not take that HTTP method.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; it has been logged.";
            default -> status.getReasonPhrase();
        };
    }
}
