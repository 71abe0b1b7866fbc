package org.smartketing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.DoorRule;
import org.smartketing.team.DoorRules;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each part guards its own doors: the rules a part declares in its {@link DoorRules} bean name only
 * URLs its own controllers serve, and sign-in's security configuration names no other part's URL
 * (beyond the house-wide {@code /admin/**}, {@code /api/**} and {@code /actuator/**}).
 * {@code RoleMatrixTests} shows who gets in through each endpoint.
 */
@IntegrationTest
class DoorRulesTests {

    /** Endpoints the frameworks map (error page, API docs, actuator): no part's. */
    static final String FRAMEWORK = "(framework)";
    static final Set<String> HOUSE_WIDE = Set.of("/admin/**", "/api/**", "/actuator/**");

    @Autowired
    ApplicationContext context;

    @Test
    void aPartsRulesNameOnlyItsOwnEndpointsAndEachNamesOne() {
        Map<String, String> endpoints = endpointsByPart();
        List<String> wrong = new ArrayList<>();
        context.getBeansOfType(DoorRules.class).values().forEach(bean -> {
            String part = partOf(AopUtils.getTargetClass(bean).getPackageName());
            for (DoorRule rule : bean.rules()) {
                for (String pattern : rule.patterns()) {
                    Map<String, String> matched = matching(endpoints, pattern);
                    if (matched.isEmpty()) {
                        wrong.add(part + ": " + pattern + " matches no endpoint");
                    }
                    matched.forEach((url, owner) -> {
                        if (!owner.equals(part)) {
                            wrong.add(part + ": " + pattern + " names " + url + " of " + owner);
                        }
                    });
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theFunnelCommsAndMeetingsDeclareTheirOwnDoors() {
        assertThat(context.getBeansOfType(DoorRules.class).values())
                .extracting(bean -> partOf(AopUtils.getTargetClass(bean).getPackageName()))
                .contains("funnel", "comms", "meetings");
    }

    @Test
    void signInsSecurityConfigurationNamesOnlyTheTeamsAndTheWebsUrls() throws Exception {
        Map<String, String> endpoints = endpointsByPart();
        String source = Files.readString(Path.of("src/main/java/org/smartketing/team/signin/SecurityConfiguration.java"));
        List<String> others = new ArrayList<>();
        for (String literal : TableOwnership.stringLiterals(source)) {
            if (literal.startsWith("/") && !HOUSE_WIDE.contains(literal)) {
                matching(endpoints, literal).forEach((url, owner) -> {
                    if (!Set.of("team", "web", FRAMEWORK).contains(owner)) {
                        others.add(literal + " names " + url + " of " + owner);
                    }
                });
            }
        }
        assertThat(others).as("other parts' URLs: declare them in that part's DoorRules").isEmpty();
    }

    /** Every mapped URL pattern (variables filled in) with the part whose controller serves it. */
    private Map<String, String> endpointsByPart() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> info.getPatternValues().forEach(p ->
                        endpoints.put(p.replaceAll("\\{[^}]+}", "x").replace("/**", "/x"),
                                partOf(method.getBeanType().getPackageName())))));
        return endpoints;
    }

    private static Map<String, String> matching(Map<String, String> endpoints, String pattern) {
        var parsed = PathPatternParser.defaultInstance.parse(pattern);
        Map<String, String> matched = new LinkedHashMap<>();
        endpoints.forEach((url, part) -> {
            if (parsed.matches(PathContainer.parsePath(url))) {
                matched.put(url, part);
            }
        });
        return matched;
    }

    private static String partOf(String packageName) {
        String prefix = "org.smartketing.";
        if (!packageName.startsWith(prefix)) {
            return FRAMEWORK;
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
