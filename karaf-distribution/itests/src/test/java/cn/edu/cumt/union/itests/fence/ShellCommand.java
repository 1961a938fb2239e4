package cn.edu.cumt.union.itests.fence;

/** An attack packed into a unit plugin by UnitPluginFenceIT: never run, only uploaded. */
public class ShellCommand {

    public Process run(String command) throws java.io.IOException {
        return Runtime.getRuntime().exec(command);
    }
}
