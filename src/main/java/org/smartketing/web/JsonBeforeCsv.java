package org.smartketing.web;

import java.lang.reflect.Method;
import java.util.Collections;

import org.smartketing.shared.CsvDownloads;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * An API list that is also served as CSV (a second handler with {@code produces = text/csv}) answers
 * JSON to {@code Accept: application/json, text/csv}, as a client generated from the OpenAPI document
 * sends: without it the CSV handler, being the more specific, would win whatever the order. Its JSON
 * handler produces {@code application/json} first and still anything else, so {@code Accept: text/csv}
 * and {@code ?format=csv} get the CSV as before.
 */
@Configuration(proxyBeanMethods = false)
class JsonBeforeCsv implements WebMvcRegistrations {

    private static final MediaType CSV = MediaType.parseMediaType(CsvDownloads.TEXT_CSV);

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestMappingInfo getMappingForMethod(Method method, Class<?> handlerType) {
                RequestMappingInfo info = super.getMappingForMethod(method, handlerType);
                if (info == null || !info.getProducesCondition().isEmpty()
                        || !AnnotatedElementUtils.hasAnnotation(handlerType, RestController.class)
                        || !hasCsvSibling(info, handlerType)) {
                    return info;
                }
                return info.mutate().produces(MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE).build();
            }

            private boolean hasCsvSibling(RequestMappingInfo info, Class<?> handlerType) {
                for (Method other : ReflectionUtils.getUniqueDeclaredMethods(handlerType, ReflectionUtils.USER_DECLARED_METHODS)) {
                    RequestMappingInfo sibling = super.getMappingForMethod(other, handlerType);
                    if (sibling != null && sibling.getProducesCondition().getProducibleMediaTypes().contains(CSV)
                            && !Collections.disjoint(sibling.getPatternValues(), info.getPatternValues())
                            && sibling.getMethodsCondition().equals(info.getMethodsCondition())) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
