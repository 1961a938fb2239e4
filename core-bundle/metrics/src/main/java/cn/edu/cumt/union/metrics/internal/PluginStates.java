package cn.edu.cumt.union.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import cn.edu.cumt.union.api.plugin.PluginHeaders;

/** The plugin bundles installed right now (those with a {@link PluginHeaders#ID} header) and their states. */
final class PluginStates {

    record Plugin(String id, String version, String state) {
    }

    private PluginStates() {
    }

    static List<Plugin> list(BundleContext context) {
        List<Plugin> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            String id = bundle.getHeaders("").get(PluginHeaders.ID);
            if (id != null) {
                plugins.add(new Plugin(id, bundle.getVersion().toString(), state(bundle.getState())));
            }
        }
        return plugins;
    }

    static Map<String, Integer> count(BundleContext context) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String state : List.of("ACTIVE", "RESOLVED", "INSTALLED")) {
            counts.put(state, 0); // a state with none is 0, not a series that disappears
        }
        for (Plugin plugin : list(context)) {
            counts.merge(plugin.state(), 1, Integer::sum);
        }
        return counts;
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
