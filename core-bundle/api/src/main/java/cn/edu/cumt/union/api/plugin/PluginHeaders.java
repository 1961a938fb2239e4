package cn.edu.cumt.union.api.plugin;

/**
 * Manifest headers that make a bundle a union plugin. A plugin's POM sets them through the
 * properties {@code union.plugin.id}, {@code union.plugin.name}, {@code union.plugin.name.en},
 * {@code union.plugin.work-point} and, for a unit's own plugin, {@code union.plugin.unit}.
 */
public final class PluginHeaders {

    /** The plugin id, lower-case letters and digits (it is also the schema id); its REST paths start with it. */
    public static final String ID = "Union-Plugin-Id";
    /** The Chinese name shown to users. */
    public static final String NAME = "Union-Plugin-Name";
    /** The English name. */
    public static final String NAME_EN = "Union-Plugin-Name-En";
    /** The work point (1 to 10) of the union's yearly plan the plugin serves, if any. */
    public static final String WORK_POINT = "Union-Plugin-Work-Point";
    /** The code of the unit that owns a unit plugin; absent for the union's own plugins. */
    public static final String OWNER_UNIT = "Union-Plugin-Unit";

    /**
     * Every unit plugin's symbolic name starts with this: the platform refuses a unit plugin named
     * outside it, so a unit can never replace one of the union's own bundles.
     */
    public static final String UNIT_NAMESPACE = "cn.edu.cumt.union.unit.";

    private PluginHeaders() {
    }
}
