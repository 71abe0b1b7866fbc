package org.smartketing.team.signin;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.smartketing.team.SignedInPerson;
import org.smartketing.team.people.People;
import org.smartketing.team.people.Person;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session must not outlive the account as it was at sign-in: on every page request the
 * signed-in person is read again, so a disabled person is signed out at once, and a new role,
 * name or time zone applies from the next page on, without signing in again.
 */
class CurrentAccountFilter extends OncePerRequestFilter {

    private final People people;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    CurrentAccountFilter(People people) {
        this.people = people;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof SignedInPerson signedIn) {
            Person now = people.byId(signedIn.id()).filter(Person::enabled).orElse(null);
            if (now == null) {
                signOut(request);
                response.sendRedirect(request.getContextPath() + "/login?error");
                return;
            }
            if (changed(signedIn, now)) {
                replace(now, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean changed(SignedInPerson signedIn, Person now) {
        return signedIn.role() != now.appRole() || !Objects.equals(signedIn.displayName(), now.displayName())
                || !signedIn.zone().equals(now.zone());
    }

    private void replace(Person now, HttpServletRequest request, HttpServletResponse response) {
        SignedInPerson principal = ThrottledPasswordAuthentication.account(now);
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }

    private static void signOut(HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
