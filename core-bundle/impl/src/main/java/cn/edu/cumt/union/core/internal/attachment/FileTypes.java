package cn.edu.cumt.union.core.internal.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The type of a file, found from its content alone: PDF, PNG, JPEG, GIF, and Office Open XML
 * (.docx, .xlsx, .pptx: a zip whose {@code [Content_Types].xml} names the main part of that kind).
 * Anything else (executables, scripts, HTML, legacy OLE documents with their macros, archives) is
 * not accepted. The name's extension must agree with the content, so a renamed file is refused too.
 */
public final class FileTypes {

    /** One accepted type, with the extensions a file of it may carry. */
    public record FileType(String contentType, List<String> extensions) {
    }

    public static final FileType PDF = new FileType("application/pdf", List.of("pdf"));
    public static final FileType PNG = new FileType("image/png", List.of("png"));
    public static final FileType JPEG = new FileType("image/jpeg", List.of("jpg", "jpeg"));
    public static final FileType GIF = new FileType("image/gif", List.of("gif"));
    public static final FileType DOCX = new FileType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"));
    public static final FileType XLSX = new FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            List.of("xlsx"));
    public static final FileType PPTX = new FileType(
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of("pptx"));

    /** Every accepted type. */
    public static final List<FileType> ALL = List.of(PDF, PNG, JPEG, GIF, DOCX, XLSX, PPTX);

    /** How much of {@code [Content_Types].xml} is read at most (it is a few KB in real files). */
    private static final int MAX_CONTENT_TYPES_BYTES = 256 * 1024;
    /** How many zip entries are looked at before giving up on finding {@code [Content_Types].xml}. */
    private static final int MAX_ENTRIES = 10_000;

    private FileTypes() {
    }

    /** The type of this content, if it is one that is accepted. */
    public static Optional<FileType> detect(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (startsWith(content, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a })) {
            return Optional.of(PNG);
        }
        if (startsWith(content, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
            return Optional.of(JPEG);
        }
        if (startsWith(content, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(content, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(GIF);
        }
        if (startsWith(content, new byte[] { 'P', 'K', 3, 4 })) {
            return officeOpenXml(content);
        }
        return Optional.empty();
    }

    /** Whether the name's extension (lower case, after the last dot) is one of the type's. */
    public static boolean nameFits(String fileName, FileType type) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && type.extensions().contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static Optional<FileType> officeOpenXml(byte[] content) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            int seen = 0;
            while ((entry = zip.getNextEntry()) != null && ++seen <= MAX_ENTRIES) {
                if (entry.getName().equals("[Content_Types].xml")) {
                    byte[] types = zip.readNBytes(MAX_CONTENT_TYPES_BYTES + 1);
                    if (types.length > MAX_CONTENT_TYPES_BYTES) {
                        return Optional.empty();
                    }
                    return mainPart(new String(types, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | IllegalArgumentException notAZip) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<FileType> mainPart(String contentTypes) {
        // macro-enabled documents (.docm, .xlsm: …macroEnabled.main+xml) name other types and are not accepted
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")) {
            return Optional.of(DOCX);
        }
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")) {
            return Optional.of(XLSX);
        }
        if (contentTypes.contains("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")) {
            return Optional.of(PPTX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
