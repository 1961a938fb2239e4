package cn.edu.cumt.union.core.internal.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.rest.ApiException;
import cn.edu.cumt.union.api.storage.SchemaReady;
import cn.edu.cumt.union.core.internal.attachment.FileTypes.FileType;

/**
 * Attached files in the core's database (so {@code union:backup} holds them, and no name a user sends
 * ever reaches the file system): limits, the type check, a record's files, removal, and a plugin's purge.
 */
@Component(service = AttachmentStore.class)
public class AttachmentStore {

    static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9]{1,19}");
    static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern UNSAFE_IN_NAMES = Pattern.compile("[\\p{Cntrl}\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\"]");

    private final JpaTemplate jpa;
    private final Supplier<AttachmentSettings.Limits> limits;
    private final Clock clock;

    @Activate
    public AttachmentStore(@Reference(target = "(osgi.unit.name=union-core)") JpaTemplate jpa,
            @Reference(target = "(" + SchemaReady.SCHEMA_ID + "=core)") SchemaReady schema,
            @Reference AttachmentSettings settings) {
        this(jpa, settings::limits, Clock.systemUTC());
    }

    AttachmentStore(JpaTemplate jpa, Supplier<AttachmentSettings.Limits> limits, Clock clock) {
        this.jpa = jpa;
        this.limits = limits;
        this.clock = clock;
    }

    /** @throws ApiException 404 {@code attachment.record-not-found} unless the three parts are well formed */
    static void checkRecord(String pluginId, String recordType, String recordId) {
        if (pluginId == null || recordType == null || recordId == null || !PLUGIN_ID.matcher(pluginId).matches()
                || !RECORD_TYPE.matcher(recordType).matches() || !RECORD_ID.matcher(recordId).matches()) {
            throw recordNotFound();
        }
    }

    static ApiException recordNotFound() {
        return ApiException.notFound("attachment.record-not-found", "记录不存在", "No such record");
    }

    /**
     * The name to show: only its last part (after any / or \), without control or direction characters.
     *
     * @throws ApiException 400 {@code attachment.name-invalid}
     */
    static String fileName(String raw) {
        String name = raw == null ? "" : raw;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = UNSAFE_IN_NAMES.matcher(name).replaceAll("").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.length() > 200) {
            throw ApiException.badRequest("attachment.name-invalid", "文件名无效（须为 1-200 字，带扩展名）",
                    "Invalid file name (1-200 characters, with its extension)");
        }
        return name;
    }

    /** Reads, checks and stores one file. */
    public AttachmentDTO store(String pluginId, String recordType, String recordId, String rawName, InputStream body,
            String createdBy) throws IOException {
        checkRecord(pluginId, recordType, recordId);
        String name = fileName(rawName);
        AttachmentSettings.Limits now = limits.get();
        byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, now.maxBytes() + 1));
        if (content.length > now.maxBytes()) {
            throw new ApiException(413, "attachment.too-large", "文件超过 " + now.maxBytes() + " 字节的上限",
                    "The file is over the limit of " + now.maxBytes() + " bytes", List.of("max.bytes=" + now.maxBytes()));
        }
        if (content.length == 0) {
            throw ApiException.badRequest("attachment.empty", "文件为空", "The file is empty");
        }
        FileType type = FileTypes.detect(content).orElseThrow(() -> new ApiException(415, "attachment.type-unsupported",
                "只接受 PDF、PNG/JPEG/GIF 图片和 Office 文档（docx/xlsx/pptx）",
                "Only PDF, PNG/JPEG/GIF images and Office documents (docx/xlsx/pptx) are accepted"));
        if (!FileTypes.nameFits(name, type)) {
            throw new ApiException(415, "attachment.type-mismatch", "文件扩展名与内容不符（内容为 " + type.contentType() + "）",
                    "The file's extension does not match its content (" + type.contentType() + ")",
                    List.of("expected: ." + String.join(" or .", type.extensions())));
        }
        AttachmentDTO values = new AttachmentDTO(0, pluginId, recordType, recordId, name, type.contentType(),
                content.length, sha256(content), clock.instant(), createdBy);
        return jpa.txExpr(TransactionType.Required, em -> {
            long count = em.createQuery("select count(a) from AttachmentEntity a where a.pluginId = :p and a.recordType = :t"
                    + " and a.recordId = :r", Long.class).setParameter("p", pluginId).setParameter("t", recordType)
                    .setParameter("r", recordId).getSingleResult();
            if (count >= now.maxPerRecord()) {
                throw ApiException.conflict("attachment.too-many", "该记录的附件已达 " + now.maxPerRecord() + " 个上限",
                        "The record already has the most files allowed (" + now.maxPerRecord() + ")");
            }
            AttachmentEntity row = new AttachmentEntity(values);
            em.persist(row);
            em.flush();
            em.persist(new AttachmentContentEntity(row.getId(), content));
            return row.toDTO();
        });
    }

    public List<AttachmentDTO> list(String pluginId, String recordType, String recordId) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("select a from AttachmentEntity a where a.pluginId = :p"
                + " and a.recordType = :t and a.recordId = :r order by a.id", AttachmentEntity.class)
                .setParameter("p", pluginId).setParameter("t", recordType).setParameter("r", recordId).getResultList()
                .stream().map(AttachmentEntity::toDTO).toList());
    }

    public Optional<AttachmentDTO> find(long id) {
        return jpa.txExpr(TransactionType.Required,
                em -> Optional.ofNullable(em.find(AttachmentEntity.class, id)).map(AttachmentEntity::toDTO));
    }

    public byte[] content(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AttachmentContentEntity content = em.find(AttachmentContentEntity.class, id);
            return content == null ? null : content.getContent();
        });
    }

    public boolean delete(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AttachmentEntity row = em.find(AttachmentEntity.class, id);
            if (row == null) {
                return false;
            }
            em.createQuery("delete from AttachmentContentEntity c where c.attachmentId = :id").setParameter("id", id).executeUpdate();
            em.remove(row);
            return true;
        });
    }

    /** @return how many files the record had */
    public int removeAll(String pluginId, String recordType, String recordId) {
        List<AttachmentDTO> files = list(pluginId, recordType, recordId);
        files.forEach(file -> delete(file.id()));
        return files.size();
    }

    /**
     * A plugin's purge: adds every file of the plugin to its export zip ({@code attachments/<id>.<ext>} and
     * {@code attachments/index.csv}), then deletes them. Files are read one at a time.
     *
     * @return how many files were exported and deleted
     */
    public int purge(String pluginId, Path exportZip) throws IOException {
        List<AttachmentDTO> files = jpa.txExpr(TransactionType.Required, em -> em
                .createQuery("select a from AttachmentEntity a where a.pluginId = :p order by a.id", AttachmentEntity.class)
                .setParameter("p", pluginId).getResultList().stream().map(AttachmentEntity::toDTO).toList());
        if (files.isEmpty()) {
            return 0;
        }
        Path temp = exportZip.resolveSibling(exportZip.getFileName() + ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(file)) {
            if (Files.exists(exportZip)) {
                copyEntries(exportZip, zip);
            }
            for (AttachmentDTO attachment : files) {
                zip.putNextEntry(new ZipEntry("attachments/" + attachment.id() + "." + extension(attachment)));
                byte[] content = content(attachment.id());
                zip.write(content == null ? new byte[0] : content);
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("attachments/index.csv"));
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), CSVFormat.DEFAULT);
            csv.printRecord("id", "recordType", "recordId", "fileName", "contentType", "size", "sha256", "createdAt", "createdBy");
            for (AttachmentDTO a : files) {
                csv.printRecord(a.id(), a.recordType(), a.recordId(), a.fileName(), a.contentType(), a.size(), a.sha256(),
                        a.createdAt(), a.createdBy());
            }
            csv.flush();
            zip.closeEntry();
        }
        Files.move(temp, exportZip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        jpa.tx(TransactionType.Required, em -> {
            em.createQuery("delete from AttachmentContentEntity c where c.attachmentId in "
                    + "(select a.id from AttachmentEntity a where a.pluginId = :p)").setParameter("p", pluginId).executeUpdate();
            em.createQuery("delete from AttachmentEntity a where a.pluginId = :p").setParameter("p", pluginId).executeUpdate();
        });
        return files.size();
    }

    private static void copyEntries(Path source, ZipOutputStream target) throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                target.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    in.transferTo(target);
                }
                target.closeEntry();
            }
        }
    }

    private static String extension(AttachmentDTO attachment) {
        return FileTypes.ALL.stream().filter(t -> t.contentType().equals(attachment.contentType()))
                .map(t -> t.extensions().get(0)).findFirst().orElse("bin");
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
