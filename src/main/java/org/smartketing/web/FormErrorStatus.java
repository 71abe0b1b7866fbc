package org.smartketing.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A form posted with a field at fault and shown again with the message next to that field answers
 * 400, as the API does, so no client, proxy or test takes it for a success, and lists every field at
 * fault at the top of the page ({@code formErrors} in the layout). A status the handler chose itself
 * (409 for a stale version) stays.
 */
@Configuration
class FormErrorStatus implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (view == null || !"POST".equals(request.getMethod()) || response.getStatus() != HttpStatus.OK.value()) {
            return;
        }
        String name = view.getViewName();
        if (name == null || name.startsWith("redirect:") || name.startsWith("forward:")) {
            return;
        }
        List<String> fieldErrors = view.getModel().values().stream().filter(BindingResult.class::isInstance)
                .map(BindingResult.class::cast).flatMap(errors -> errors.getFieldErrors().stream())
                .map(e -> e.getField() + ": " + (e.isBindingFailure() ? "has a value of the wrong type or format"
                        : e.getDefaultMessage()))
                .distinct().toList();
        boolean anyErrors = view.getModel().values().stream()
                .anyMatch(v -> v instanceof BindingResult errors && errors.hasErrors());
        if (anyErrors) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            // Named at the top as well, so a field whose form shows no message of its own is still named.
            view.addObject("formErrors", fieldErrors);
        }
    }
}
