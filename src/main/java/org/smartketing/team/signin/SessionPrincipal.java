package org.smartketing.team.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.team.people.Person;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Keeps the signed-in person in the session up to date after they change their own name or time
 * zone, so the very next page already greets them and shows times the new way.
 */
@Component
public class SessionPrincipal {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void refresh(Person person, HttpServletRequest request, HttpServletResponse response) {
        var principal = ThrottledPasswordAuthentication.account(person);
        principal.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        repository.saveContext(context, request, response);
    }
}
