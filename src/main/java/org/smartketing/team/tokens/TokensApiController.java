package org.smartketing.team.tokens;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.smartketing.shared.PlainText;
import org.smartketing.team.SignedInPerson;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Scripts get a token without the pages: email and password as HTTP Basic credentials (the only
 * endpoint that takes them, throttled like sign-in).
 */
@RestController
@Tag(name = "API tokens")
class TokensApiController {

    record TokenRequest(@NotBlank @Size(max = 60) @PlainText String name, @NotNull TokenScope scope) {
    }

    record IssuedToken(String token, String name, TokenScope scope) {
    }

    private final ApiTokens tokens;

    TokensApiController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Operation(operationId = "createToken", summary = "Create an API token with your email and password")
    @SecurityRequirement(name = "password")
    @PostMapping("/api/v1/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedToken issue(@AuthenticationPrincipal SignedInPerson me, @Valid @RequestBody TokenRequest request) {
        ApiTokens.Created created = tokens.create(me.id(), request.name(), request.scope());
        return new IssuedToken(created.secret(), created.token().name(), request.scope());
    }
}
