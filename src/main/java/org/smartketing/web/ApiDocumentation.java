package org.smartketing.web;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description served at /v3/api-docs and shown at /api/docs, with its bearer tokens.
 * {@link ApiContract} makes it say what the server really answers, so generated clients work.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI smartketingApi() {
        return new OpenAPI()
                .info(new Info().title("Smartketing API").version("v1").description("""
                        Sales and marketing as one team. Every call takes `Authorization: Bearer <token>`; \
                        create a token on the API tokens page, or with `POST /api/v1/tokens` and your email and \
                        password as HTTP Basic credentials. Errors are problem details (RFC 9457) that name \
                        each field at fault."""))
                // relative, so the document is the same on every host and port it is served from
                .servers(List.of(new Server().url("/").description("The server this document is served from")))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("An API token: `Authorization: Bearer smk_…`"))
                        .addSecuritySchemes("password", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Your email and password; only for creating a token")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }

    @Bean
    OperationCustomizer locationOfCreatedResources() {
        return ApiContract::withLocationOfCreated;
    }

    @Bean
    OpenApiCustomizer contractClientsCanUse(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping handlers) {
        return api -> new ApiContract(handlers).applyTo(api);
    }

    @Bean
    ValidationSchemas validationSchemas() {
        return new ValidationSchemas();
    }
}
