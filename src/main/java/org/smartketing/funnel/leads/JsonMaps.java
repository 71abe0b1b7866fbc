package org.smartketing.funnel.leads;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Small maps of text kept in one column as a JSON object; empty is null. */
final class JsonMaps {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    private JsonMaps() {
    }

    static String write(Map<String, String> map) {
        return map.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(map));
    }

    static Map<String, String> read(String json) {
        return json == null || json.isBlank() ? Map.of() : JSON.readValue(json, TYPE);
    }
}
