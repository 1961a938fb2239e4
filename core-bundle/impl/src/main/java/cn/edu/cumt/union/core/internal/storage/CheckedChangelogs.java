package cn.edu.cumt.union.core.internal.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import cn.edu.cumt.union.core.internal.plugin.ChangelogFence;
import liquibase.resource.AbstractResource;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;

/**
 * Liquibase's only source of files for a unit plugin: the changelog files {@link ChangelogFence}
 * checked, as the bytes it checked. Anything else (a file of another bundle reached through the
 * plugin's class loader, a file on disk, a second read that could differ) does not exist here.
 */
final class CheckedChangelogs implements ResourceAccessor {

    private final Map<String, byte[]> files;

    CheckedChangelogs(Map<String, byte[]> files) {
        this.files = Map.copyOf(files);
    }

    @Override
    public List<Resource> search(String path, boolean recursive) {
        // includeAll and friends are refused by the fence: there is nothing to search
        return List.of();
    }

    @Override
    public List<Resource> getAll(String path) {
        String normal = ChangelogFence.normalise(path);
        return normal != null && files.containsKey(normal) ? List.of(new Checked(normal)) : List.of();
    }

    @Override
    public List<String> describeLocations() {
        return List.of("the plugin's checked changelog files " + files.keySet());
    }

    @Override
    public void close() {
        // nothing held open
    }

    private final class Checked extends AbstractResource {

        Checked(String path) {
            super(path, URI.create("union-changelog:/" + path));
        }

        @Override
        public InputStream openInputStream() throws IOException {
            byte[] bytes = files.get(getPath());
            if (bytes == null) {
                throw new IOException("not a checked changelog file: " + getPath());
            }
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public boolean exists() {
            return files.containsKey(getPath());
        }

        @Override
        public Resource resolve(String other) {
            return new Checked(String.valueOf(ChangelogFence.normalise(resolvePath(other))));
        }

        @Override
        public Resource resolveSibling(String other) {
            return new Checked(String.valueOf(ChangelogFence.normalise(resolveSiblingPath(other))));
        }
    }
}
