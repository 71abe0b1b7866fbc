package org.smartketing.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string or form body the server cannot decode (a stray {@code %}, bytes that are not the
 * declared charset, a chunk without a name) is the client's mistake: 400 with the error page or
 * problem details, before anything else reads a parameter. Left alone, Tomcat throws on the first
 * {@code getParameter}, wherever that happens, and the request ended as a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        }
        catch (InvalidParameterException ex) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The request's parameters could not be read");
            return;
        }
        chain.doFilter(request, response);
    }
}
