package cn.edu.cumt.union.core.internal.plugin;

/** @param confirm the plugin id typed again: a purge deletes data, so it is never implied */
public record PurgeRequestDTO(String confirm) {
}
