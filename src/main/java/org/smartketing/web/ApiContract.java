package org.smartketing.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import org.smartketing.shared.CsvDownloads;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What every operation of the served OpenAPI document must say for a generated client to work,
 * applied once to the whole document rather than annotated on each method: the problem details
 * each error answers with, JSON instead of {@code *}/{@code *}, the CSV a list also serves, the
 * {@code Location} of what a create made, and one operation id per path of a handler mapped to
 * several.
 */
final class ApiContract {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private final RequestMappingHandlerMapping handlers;

    ApiContract(RequestMappingHandlerMapping handlers) {
        this.handlers = handlers;
    }

    /**
     * A 201 from {@code ResponseEntity.created(..)}, documented as {@code @ApiResponse(responseCode = "201",
     * description = "Created")}, says where the new resource is.
     */
    static Operation withLocationOfCreated(Operation operation, HandlerMethod handler) {
        ApiResponse created = operation.getResponses() == null ? null : operation.getResponses().get("201");
        if (created != null && "Created".equals(created.getDescription())
                && ResponseEntity.class.isAssignableFrom(handler.getMethod().getReturnType())) {
            created.addHeaderObject("Location", new Header().description("The address of what was created")
                    .schema(new StringSchema().format("uri-reference")));
        }
        return operation;
    }

    void applyTo(OpenAPI api) {
        addProblems(api.getComponents());
        Map<String, Set<String>> alsoServed = alternativeMediaTypes();
        Map<String, List<Map.Entry<String, Operation>>> byId = new HashMap<>();
        Set<Operation> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, shared) -> {
            // a handler on several paths shares one operation among them; each path gets its own
            Operation operation = seen.add(shared) ? shared : Json.mapper().convertValue(shared, Operation.class);
            item.operation(method, operation);
            typedContent(operation, alsoServed.getOrDefault(method.name() + " " + path, Set.of()));
            filesAsMultipart(operation);
            addErrors(path, method, operation);
            if (operation.getOperationId() != null) {
                byId.computeIfAbsent(operation.getOperationId().replaceFirst("_\\d+$", ""), k -> new ArrayList<>())
                        .add(Map.entry(path, operation));
            }
        }));
        // one handler on several paths (the dashboard tiles): its id, then the path's last word
        byId.forEach((id, operations) -> operations.forEach(op -> op.getValue().setOperationId(operations.size() == 1
                ? id : id + idOf(op.getKey().substring(op.getKey().lastIndexOf('/') + 1), true))));
    }

    private static String idOf(String words, boolean capitalFirst) {
        StringBuilder id = new StringBuilder();
        for (String word : words.split("[^A-Za-z0-9]+")) {
            if (word.isEmpty()) {
                continue;
            }
            String lower = word.toLowerCase(Locale.ROOT);
            id.append(id.isEmpty() && !capitalFirst ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1));
        }
        return id.toString();
    }

    /** Media types (CSV) served by a second handler on the same path, which springdoc folds into one operation. */
    private Map<String, Set<String>> alternativeMediaTypes() {
        Map<String, Set<String>> served = new HashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlers.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Set<org.springframework.http.MediaType> produces = info.getProducesCondition().getProducibleMediaTypes();
            if (!produces.contains(org.springframework.http.MediaType.parseMediaType(CsvDownloads.TEXT_CSV))) {
                continue;
            }
            for (String pattern : info.getPatternValues()) {
                info.getMethodsCondition().getMethods().forEach(m ->
                        served.computeIfAbsent(m.name() + " " + pattern, k -> new java.util.TreeSet<>()).add(CsvDownloads.TEXT_CSV));
            }
        }
        return served;
    }

    private static void typedContent(Operation operation, Set<String> alsoServed) {
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (response.getContent() == null && status.equals("200") && !alsoServed.isEmpty()) {
                response.setContent(new Content());
            }
            Content content = response.getContent();
            if (content == null) {
                return;
            }
            MediaType any = content.remove("*/*");
            if (any != null) {
                content.addMediaType(JSON, any);
            }
            if (status.startsWith("2")) {
                for (String type : alsoServed) {
                    content.addMediaType(type, new MediaType().schema(new StringSchema()
                            .description("One row per item, with a header row; UTF-8")));
                }
            }
            if (content.isEmpty()) {
                response.setContent(null);
            }
        });
    }

    /** A {@code MultipartFile} parameter is sent as a form upload, not as JSON. */
    private static void filesAsMultipart(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return;
        }
        Content content = operation.getRequestBody().getContent();
        MediaType json = content.get(JSON);
        if (json != null && json.getSchema() != null && json.getSchema().getProperties() != null
                && json.getSchema().getProperties().values().stream().anyMatch(p -> "binary".equals(((Schema<?>) p).getFormat()))) {
            content.remove(JSON);
            content.addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE, json);
        }
    }

    private static void addErrors(String path, PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> errors = new LinkedHashMap<>();
        if (hasInput) {
            errors.put("400", "BadRequest");
        }
        errors.put("401", "Unauthorized");
        errors.put("403", "Forbidden");
        if (path.contains("{")) {
            errors.put("404", "NotFound");
        }
        if (method != PathItem.HttpMethod.GET) {
            errors.put("409", "Conflict");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "ContentTooLarge");
            errors.put("415", "UnsupportedMediaType");
        }
        errors.put("429", "TooManyRequests");
        errors.forEach((status, name) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
            }
        });
    }

    private static void addProblems(Components components) {
        Schema<?> fieldProblem = new ObjectSchema()
                .description("One field (or header, or parameter) at fault and what is wrong with it")
                .addProperty("field", new StringSchema().description("The field at fault, as a path into the body: `email`, `leads[3].country`").example("email"))
                .addProperty("message", new StringSchema().description("What is wrong, in words a person can act on")
                        .example("must be an email address such as name@example.com"))
                .required(List.of("field", "message"));
        components.addSchemas("FieldProblem", fieldProblem);
        Schema<?> problem = new ObjectSchema()
                .description("Problem details (RFC 9457); invalid input names each field at fault in `errors`")
                .addProperty("type", new StringSchema().format("uri-reference").description("What kind of problem; `about:blank` when only the status says it")
                        .example("https://smartketing.org/problems/invalid-request"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem").example("Invalid request"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code").example(400))
                .addProperty("detail", new StringSchema().description("What went wrong this time")
                        .example("email: must be an email address such as name@example.com"))
                .addProperty("instance", new StringSchema().format("uri-reference").description("The request's path").example("/api/v1/leads"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/FieldProblem"))
                        .description("Each field at fault (invalid input, conflicts, an unknown id named in the body)"))
                .addProperty("currentVersion", new IntegerSchema().format("int64")
                        .description("On a 409 for an outdated `version`: the version to base the change on now"))
                .required(List.of("title", "status"));
        components.addSchemas(PROBLEM, problem);

        addProblem(components, "BadRequest", "Invalid input: each field at fault is named in `errors`", null);
        addProblem(components, "Unauthorized", "No token, or an unknown, revoked or expired one (or wrong email and password)", null);
        addProblem(components, "Forbidden", "Your role or your token's scope does not allow this", null);
        addProblem(components, "NotFound", "Nothing with this id (or you may not see it)", null);
        addProblem(components, "Conflict", "Clashes with the current state: a duplicate, an outdated version or a change not allowed now", null);
        addProblem(components, "ContentTooLarge", "The body is over 1 MB", null);
        addProblem(components, "UnsupportedMediaType", "The body is not in a media type this operation takes", null);
        addProblem(components, "IdempotencyKeyReused", "The Idempotency-Key was used before with another body", null);
        addProblem(components, "TooManyRequests", "Too many requests or failed sign-ins; wait as long as `Retry-After` says",
                new Header().description("Seconds to wait before trying again").schema(new IntegerSchema().example(1)));
    }

    private static void addProblem(Components components, String name, String description, Header retryAfter) {
        ApiResponse response = new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        if (retryAfter != null) {
            response.addHeaderObject("Retry-After", retryAfter);
        }
        components.addResponses(name, response);
    }
}
