package cn.edu.cumt.union.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import cn.edu.cumt.union.api.attachment.AttachmentDTO;
import cn.edu.cumt.union.api.attachment.Attachments;

/**
 * Attachments in memory for one plugin: {@link #add} stands for an upload through the platform's API;
 * {@link #removeAll} waits, as on the platform, for the {@link PluginDatabase} transaction to commit.
 */
public final class FakeAttachments implements Attachments {

    private final String pluginId;
    private final PluginDatabase database;
    private final Map<String, List<AttachmentDTO>> byRecord = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** @param database whose transactions removals wait for, or {@code null} to remove at once */
    public FakeAttachments(String pluginId, PluginDatabase database) {
        this.pluginId = pluginId;
        this.database = database;
    }

    /** A file as if uploaded to the record. */
    public AttachmentDTO add(String recordType, String recordId, String fileName, String contentType, long size) {
        AttachmentDTO file = new AttachmentDTO(ids.incrementAndGet(), pluginId, recordType, recordId, fileName, contentType,
                size, "0".repeat(64), Instant.now(), "test");
        byRecord.computeIfAbsent(recordType + "/" + recordId, k -> new CopyOnWriteArrayList<>()).add(file);
        return file;
    }

    @Override
    public List<AttachmentDTO> list(String recordType, String recordId) {
        return new ArrayList<>(byRecord.getOrDefault(recordType + "/" + recordId, List.of()));
    }

    @Override
    public void removeAll(String recordType, String recordId) {
        Runnable remove = () -> byRecord.remove(recordType + "/" + recordId);
        if (database == null) {
            remove.run();
        } else {
            database.afterCommit(remove);
        }
    }
}
