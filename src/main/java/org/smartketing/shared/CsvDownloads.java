package org.smartketing.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every list as a CSV download, one way for pages and the API: a handler mapped with
 * {@code produces = CsvDownloads.TEXT_CSV} answers {@code Accept: text/csv} and {@code ?format=csv}
 * (spring.mvc.contentnegotiation in application.yml) beside the list's own handler, and sends the
 * same filtered rows, all of them, written to the response as they are read ({@link CsvWriter}).
 */
@Component
public class CsvDownloads {

    /** What a CSV handler produces. */
    public static final String TEXT_CSV = "text/csv";

    private final JsonMapper json;

    CsvDownloads(JsonMapper json) {
        this.json = json;
    }

    /** The columns of a JSON row type, named and written as the JSON list writes them. */
    public <T> CsvColumns<T> columnsOf(Class<T> type) {
        return CsvColumns.ofJson(type, json);
    }

    /** Sends the rows under their JSON field names ({@link #columnsOf}). */
    public <T> void send(HttpServletResponse response, String fileName, Class<T> type, CsvWriter.Rows<T> rows)
            throws IOException {
        send(response, fileName, columnsOf(type), rows);
    }

    /** Sends the table as an attachment named {@code fileName}, written while the rows are read. */
    public static <T> void send(HttpServletResponse response, String fileName, CsvColumns<T> columns,
            CsvWriter.Rows<T> rows) throws IOException {
        response.setContentType(TEXT_CSV + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
        CsvWriter.write(response.getOutputStream(), columns, rows);
    }
}
