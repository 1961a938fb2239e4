package cn.edu.cumt.union.itests.fence;

/** An attack packed into a unit plugin by UnitPluginFenceIT: never run, only uploaded. */
public class FileReader {

    public byte[] read() throws java.io.IOException {
        return java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties"));
    }
}
