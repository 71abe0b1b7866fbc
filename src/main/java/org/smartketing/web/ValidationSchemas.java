package org.smartketing.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;

import jakarta.validation.constraints.AssertFalse;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

import org.smartketing.shared.EmailAddress;

/**
 * Request schemas as the validation reads them: a cross-field check written as a boolean method
 * ({@code @AssertTrue isEndsAfterStart()}) is no property a client sends, and a required text
 * ({@code @NotBlank}) has at least one character even where {@code @Size(max)} says 0, and an
 * {@code @EmailAddress} is an email of at most 254 characters.
 */
class ValidationSchemas implements ModelConverter {

    /** Examples for the plain-text fields most requests and answers have, so the documented bodies read like real ones. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(Map.entry("email", "ana.lopez@example.com"),
            Map.entry("firstName", "Ana"), Map.entry("lastName", "López"), Map.entry("displayName", "Ana López"),
            Map.entry("company", "Nordwind Logistics GmbH"),
            Map.entry("phone", "+49 30 1234567"), Map.entry("mobile", "+49 151 2345678"),
            Map.entry("country", "DE"), Map.entry("city", "Berlin"), Map.entry("source", "webinar"),
            Map.entry("website", "https://nordwind.example"), Map.entry("industry", "Logistics"),
            Map.entry("jobRole", "Account executive"), Map.entry("currency", "EUR"));

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> schema = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        if (schema == null || type.getType() == null) {
            return schema;
        }
        Class<?> raw = Json.mapper().constructType(type.getType()).getRawClass();
        if (raw == null || raw.isPrimitive() || raw.getName().startsWith("java.") || !raw.getName().startsWith("org.smartketing.")) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            model = context.getDefinedModels().get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
        }
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return schema;
    }

    private static void describe(Class<?> raw, Schema<?> model) {
        @SuppressWarnings("rawtypes")
        Map<String, Schema> properties = model.getProperties();
        for (Method method : raw.getMethods()) {
            if (method.getParameterCount() == 0 && (method.isAnnotationPresent(AssertTrue.class)
                    || method.isAnnotationPresent(AssertFalse.class))) {
                String name = propertyName(method.getName());
                properties.remove(name);
                if (model.getRequired() != null) {
                    List<String> required = new ArrayList<>(model.getRequired());
                    required.remove(name);
                    model.setRequired(required.isEmpty() ? null : required);
                }
            }
        }
        for (Map.Entry<String, AnnotatedElement> member : members(raw).entrySet()) {
            Schema<?> property = properties.get(member.getKey());
            if (property == null) {
                continue;
            }
            if (member.getValue().isAnnotationPresent(EmailAddress.class) && "string".equals(typeOf(property))) {
                property.setFormat("email");
                property.setMaxLength(property.getMaxLength() == null ? 254 : property.getMaxLength());
            }
            if (member.getValue().isAnnotationPresent(NotBlank.class) || member.getValue().isAnnotationPresent(NotEmpty.class)) {
                if ("string".equals(typeOf(property)) && (property.getMinLength() == null || property.getMinLength() == 0)) {
                    property.setMinLength(1);
                }
            }
        }
        properties.forEach((name, p) -> {
            if (p.getExample() == null && EXAMPLES.containsKey(name) && "string".equals(typeOf(p)) && p.getEnum() == null
                    && p.getPattern() == null && (p.getFormat() == null || "email".equals(p.getFormat()))) {
                p.setExample(EXAMPLES.get(name));
            }
            if (p.getMinLength() != null && p.getMinLength() == 0) {
                p.setMinLength(null);
            }
        });
    }

    private static Map<String, AnnotatedElement> members(Class<?> raw) {
        Map<String, AnnotatedElement> members = new java.util.HashMap<>();
        // a record component's constraints sit on its field (their targets leave out RECORD_COMPONENT)
        for (java.lang.reflect.Field field : raw.getDeclaredFields()) {
            members.put(field.getName(), field);
        }
        return members;
    }

    private static String typeOf(Schema<?> property) {
        if (property.getType() != null) {
            return property.getType();
        }
        return property.getTypes() == null || property.getTypes().isEmpty() ? null : property.getTypes().iterator().next();
    }

    private static String propertyName(String method) {
        String bare = method.startsWith("is") ? method.substring(2) : method.startsWith("get") ? method.substring(3) : method;
        return bare.isEmpty() ? method : Character.toLowerCase(bare.charAt(0)) + bare.substring(1);
    }
}
