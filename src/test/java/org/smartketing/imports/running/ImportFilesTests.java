package org.smartketing.imports.running;

import java.nio.file.Files;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.smartketing.imports.ImportApi;
import org.smartketing.support.Fixtures;
import org.smartketing.support.IntegrationTest;
import org.smartketing.team.AppRole;
import org.smartketing.team.Department;
import org.smartketing.team.tokens.TokenScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The uploaded file is kept in the database: a node that does not have it on its disk runs the import all the same. */
@IntegrationTest
class ImportFilesTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportFiles files;

    @Test
    void aNodeWithoutTheFileOnItsDiskReadsItBackFromTheDatabaseChunkByChunk() throws Exception {
        ImportApi api = new ImportApi(mvc, json, fixtures.tokenFor(fixtures.aPerson(AppRole.MEMBER,
                Department.MARKETING), TokenScope.READ_WRITE));
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("email,lastName,description\r\n");
        for (int i = 0; i < 1200; i++) { // a little over two chunks of the stored file
            csv.append("f").append(i).append('.').append(run).append("@example.com,Filed,").append("x".repeat(1900))
                    .append("\r\n");
        }
        UUID id = UUID.fromString(api.uploadId(csv.toString()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_file_chunk WHERE import_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(3);

        Files.delete(files.local(id)); // as on another node
        JsonNode done = api.startAndAwait(id.toString(), null);

        assertThat(done.get("state").asString()).isEqualTo("DONE");
        assertThat(done.get("created").asLong()).isEqualTo(1200);
        assertThat(Files.size(files.local(id))).isEqualTo(csv.length());

        api.send(post("/api/v1/imports/" + id + "/undo"), null);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_file_chunk WHERE import_id = ?").param(id).query(Long.class)
                .single()).as("an undone import's file is forgotten").isZero();
        assertThat(files.local(id)).doesNotExist();
    }
}
