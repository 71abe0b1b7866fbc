package org.smartketing.web;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.RuleViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refused change on a page: the person sees why, with a way back, not a bare error code. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler({ RuleViolationException.class, FieldConflictException.class, InvalidFieldException.class })
    ModelAndView refused(RuntimeException ex) {
        ModelAndView view = new ModelAndView("error/general");
        view.addObject("status", HttpStatus.CONFLICT.value());
        view.addObject("reason", "That cannot be done now");
        view.addObject("message", ex.getMessage());
        view.setStatus(HttpStatus.CONFLICT);
        return view;
    }
}
