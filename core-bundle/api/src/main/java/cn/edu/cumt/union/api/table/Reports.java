package cn.edu.cumt.union.api.table;

import java.util.List;
import java.util.function.Supplier;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import cn.edu.cumt.union.api.rest.ApiException;

/**
 * A report as JSON or as a file, as every plugin offers it: {@code ?format=json} (the default),
 * {@code csv} or {@code xlsx}. Check the format first ({@link #format}), so that a mistyped one
 * costs no work, then answer with {@link #response}.
 */
public final class Reports {

    private Reports() {
    }

    /**
     * @return the file format asked for, or {@code null} for JSON (absent, blank or {@code json})
     * @throws ApiException 400 {@code request.field-invalid} naming {@code format}
     */
    public static TableFormat format(String format) {
        if (format == null || format.isBlank() || "json".equalsIgnoreCase(format.strip())) {
            return null;
        }
        TableFormat file = TableFormat.fromName(format);
        if (file == null) {
            throw ApiException.invalidField("format", "应为 json、xlsx 或 csv", "must be json, xlsx or csv");
        }
        return file;
    }

    /**
     * @param file     from {@link #format}; {@code null} answers {@code json}
     * @param json     the report as the JSON answer
     * @param sheet    the sheet's name in .xlsx (users read it: Chinese)
     * @param header   column titles
     * @param rows     the cells as text, asked for only when a file is written
     * @param fileName the download's name without extension; ASCII letters, digits, {@code -_.} only
     */
    public static Response response(Tables tables, TableFormat file, Object json, String sheet, List<String> header,
            Supplier<List<List<String>>> rows, String fileName) {
        if (file == null) {
            return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
        }
        if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
            // a programming error, never user input: the name goes into a header as it is
            throw new IllegalArgumentException("report file names are ASCII letters, digits and -_. only: " + fileName);
        }
        StreamingOutput body = out -> tables.write(file, sheet, header, rows.get(), out);
        return Response.ok(body, file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "." + file.extension() + "\"")
                .build();
    }
}
