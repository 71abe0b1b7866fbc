package org.smartketing.comms.reach;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.smartketing.team.SignedInPerson;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Until people confirm their communication expectations, every page they see carries a prompt
 * ({@code reachPrompt}, shown by the layout) to confirm or change the defaults.
 */
@Configuration(proxyBeanMethods = false)
class ReachPrompt implements WebMvcConfigurer {

    private final StoredExpectations expectations;

    ReachPrompt(StoredExpectations expectations) {
        this.expectations = expectations;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView view) {
                if (view == null || view.getViewName() == null || view.getViewName().startsWith("redirect:")
                        || "true".equals(request.getHeader("HX-Request"))) {
                    return;
                }
                SignedInPerson.current().ifPresent(me -> {
                    if (expectations.of(me.id()).isEmpty()) {
                        view.addObject("reachPrompt", true);
                    }
                });
            }
        }).excludePathPatterns("/api/**", "/static/**", "/webjars/**", "/reach", "/reach/**");
    }
}
