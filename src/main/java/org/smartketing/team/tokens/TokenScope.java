package org.smartketing.team.tokens;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a token may do: read only, or read and write. */
public enum TokenScope {
    READ("read", Set.of("read")), READ_WRITE("read-write", Set.of("read", "write"));

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
        throw new IllegalArgumentException("scope must be read or read-write");
    }
}
