package org.smartketing.web;

import org.smartketing.shared.FieldConflictException;
import org.smartketing.shared.InvalidFieldException;
import org.smartketing.shared.NotPermittedException;
import org.smartketing.shared.RuleViolationException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** A refused change on a page: the person sees why, with a way back, not a bare error code. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    @ExceptionHandler({ RuleViolationException.class, FieldConflictException.class, InvalidFieldException.class,
            DuplicateKeyException.class, NotPermittedException.class })
    ModelAndView refused(RuntimeException ex) {
        HttpStatus status = ex instanceof InvalidFieldException ? HttpStatus.BAD_REQUEST
                : ex instanceof NotPermittedException ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT;
        ModelAndView view = new ModelAndView("error/general");
        view.addObject("status", status.value());
        view.addObject("reason", ex instanceof InvalidFieldException ? "Please check what you entered"
                : ex instanceof NotPermittedException ? "You may not do this" : "That cannot be done now");
        view.addObject("message", ex instanceof DuplicateKeyException
                ? "This clashes with something saved a moment ago; go back, reload and try again."
                : ex instanceof InvalidFieldException field ? field.field() + ": " + field.getMessage() : ex.getMessage());
        view.setStatus(status);
        return view;
    }
}
