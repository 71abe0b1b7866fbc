package org.smartketing.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.smartketing.comms.Messenger;
import org.smartketing.comms.NewMessage;
import org.smartketing.comms.Urgency;
import org.smartketing.funnel.LeadId;
import org.smartketing.funnel.sla.Handoffs;
import org.smartketing.meetings.Plans;
import org.smartketing.meetings.planning.MeetingPlanning;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.people.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Pages speak the user's language: no page shows an internal code — the name of one of our enum
 * constants ({@code IN_APP}, {@code PENDING}) or a configuration property ({@code smartketing.comms.sms.url})
 * — in its visible text. Every page without a path variable is read as an admin, with a lead, a
 * message and a meeting in the database, and the pages of those.
 */
@IntegrationTest
class PlainWordsPagesTests {

    /**
     * Text a person reads: tags, scripts and styles taken out (attribute values are not shown), and
     * the values the audit log quotes as they were stored (its {@code <del>} before, {@code <ins>} after).
     */
    private static final Pattern HIDDEN = Pattern.compile(
            "(?is)<script.*?</script>|<style.*?</style>|<del>.*?</del>|<ins>.*?</ins>|<[^>]+>");

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ApplicationContext context;

    @Autowired
    Messenger messenger;

    @Autowired
    MeetingPlanning meetings;

    @Test
    void noPageShowsAnInternalCodeOrAPropertyName() throws Exception {
        Person admin = fixtures.aPerson(AppRole.ADMIN);
        Handoffs handoffs = new Handoffs(context);
        Person rep = handoffs.aRepWithAManager();
        LeadId lead = handoffs.anMql();
        handoffs.assign(lead, rep, java.time.Instant.now());
        messenger.send(NewMessage.system(admin.id(), Urgency.URGENT, "Call Acme back today", "They asked twice.", null));
        var series = meetings.create(Plans.weekly("Pipeline review", LocalDate.now().plusDays(7).atTime(9, 0), 3,
                handoffs.personById(rep.managerId()), admin), Fixtures.signedIn(handoffs.personById(rep.managerId())));

        List<String> pages = new ArrayList<>(pagesWithoutVariables());
        pages.addAll(List.of("/leads/" + lead, "/people/" + rep.id(), "/meetings/series/" + series.series().id()));
        Set<String> codes = codes();
        List<String> found = new ArrayList<>();
        for (String page : pages) {
            MvcResult result = mvc.perform(get(page).with(user(Fixtures.signedIn(admin)))).andReturn();
            if (result.getResponse().getStatus() != 200 || !String.valueOf(result.getResponse().getContentType())
                    .startsWith("text/html")) {
                continue;
            }
            String text = HIDDEN.matcher(result.getResponse().getContentAsString()).replaceAll(" ");
            Matcher words = Pattern.compile("\\b[A-Z][A-Z0-9_]{3,}\\b|\\bsmartketing\\.[a-z][a-z.-]+").matcher(text);
            Set<String> here = new TreeSet<>();
            while (words.find()) {
                if (codes.contains(words.group()) || words.group().startsWith("smartketing.")) {
                    here.add(words.group());
                }
            }
            if (!here.isEmpty()) {
                found.add(page + ": " + here);
            }
        }
        assertThat(found).as("pages showing internal codes").isEmpty();
    }

    private List<String> pagesWithoutVariables() {
        Set<String> paths = new TreeSet<>();
        context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
                    boolean get = info.getMethodsCondition().getMethods().isEmpty() || info.getMethodsCondition()
                            .getMethods().stream().anyMatch(m -> m.name().equals("GET"));
                    info.getPatternValues().stream().filter(p -> get && !p.contains("{") && !p.contains("*")
                            && !p.startsWith("/api") && !p.startsWith("/error") && !p.startsWith("/v3")
                            && !p.startsWith("/actuator") && !p.endsWith(".ics") && !p.equals("/logout"))
                            .forEach(paths::add);
                }));
        return List.copyOf(paths);
    }

    /** The constant names of every enum of ours that a page could print by mistake. */
    private static Set<String> codes() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> codes = new TreeSet<>();
        for (var bean : scanner.findCandidateComponents("org.smartketing")) {
            Class<?> type = Class.forName(bean.getBeanClassName());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    codes.add(((Enum<?>) constant).name());
                }
            }
        }
        return codes;
    }
}
