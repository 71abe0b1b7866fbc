package org.smartketing.team.tokens;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a token may do: read only, read and write, or only read the metrics (a monitoring system's token). */
public enum TokenScope {
    READ("read", Set.of("read")), READ_WRITE("read-write", Set.of("read", "write")), METRICS("metrics", Set.of("metrics"));

    private final String code;
    private final Set<String> grants;

    TokenScope(String code, Set<String> grants) {
        this.code = code;
        this.grants = grants;
    }

    @JsonValue
    public String code() {
        return code;
    }

    Set<String> grants() {
        return grants;
    }

    public static TokenScope fromCode(String code) {
        for (TokenScope scope : values()) {
            if (scope.code.equals(code)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("scope must be read, read-write or metrics");
    }
}
