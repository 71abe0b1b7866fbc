package org.smartketing.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /v3/api-docs and shown at /api/docs, with its bearer tokens. */
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
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSecuritySchemes("password", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
