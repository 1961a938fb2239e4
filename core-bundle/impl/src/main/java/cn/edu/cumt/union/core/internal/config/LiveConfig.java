package cn.edu.cumt.union.core.internal.config;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * How the core's components take a configuration change in place (DS {@code @Modified}): each keeps
 * its settings in one immutable snapshot in a {@code volatile} field and swaps it whole, so a
 * request sees the old settings or the new ones, never a mix. A snapshot that cannot be built from
 * the new values (a check throws {@link IllegalArgumentException}, or DS cannot convert a value to
 * its type) is not applied: the old one stays and the log says why. Nothing is deactivated, so no service or endpoint goes away.
 */
public final class LiveConfig {

    private LiveConfig() {
    }

    /** The settings to start with; invalid values give the defaults (with an error in the log), not a component that fails. */
    public static <S> S initial(Logger log, String pid, Supplier<S> configured, Supplier<S> defaults) {
        try {
            return configured.get();
        } catch (RuntimeException invalid) {
            log.error("Configuration {} is not valid ({}); starting with the default settings instead. Fix etc/{}.cfg:"
                    + " the correction applies at once", pid, invalid.getMessage(), pid);
            return defaults.get();
        }
    }

    /** The settings after a change: the new ones, or {@code current} when the new values are not valid. */
    public static <S> S changed(Logger log, String pid, S current, Supplier<S> configured) {
        try {
            S next = configured.get();
            log.info("Configuration {} applied in place", pid);
            return next;
        } catch (RuntimeException invalid) {
            log.warn("Configuration {} NOT applied: {}. The previous settings stay in force; fix etc/{}.cfg", pid,
                    invalid.getMessage(), pid);
            return current;
        }
    }

    /** @throws IllegalArgumentException naming the key (as written in the .cfg file) unless {@code value >= min} */
    public static long atLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + " must be at least " + min + " (is " + value + ")");
        }
        return value;
    }

    /** @throws IllegalArgumentException naming the key unless the value has text */
    public static String required(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value.strip();
    }

    /**
     * A secret from its private key ({@code .name}: DS never copies it into service properties), or
     * else from the old public key, with a warning that the latter is visible to every bundle.
     *
     * @param name the key without its leading dot, as a user reads it
     * @return the secret, or {@code ""} when neither key is set
     */
    public static String secret(Logger log, String pid, String name, String privateValue, String publicValue) {
        if (privateValue != null && !privateValue.isEmpty()) {
            return privateValue;
        }
        if (publicValue != null && !publicValue.isEmpty()) {
            log.warn("{} in etc/{}.cfg is visible as a service property to the console and every bundle: rename it to .{}"
                    + " (with the leading dot)", name, pid, name);
            return publicValue;
        }
        return "";
    }

    /** A configuration type's instance whose every value is its declared default. */
    public static <C> C defaults(Class<C> type) {
        return of(type, Map.of());
    }

    /**
     * A configuration type's instance with these values (by method name, e.g. {@code session_idle_minutes})
     * and the declared defaults for the rest: what DS would pass for such a .cfg file.
     */
    public static <C> C of(Class<C> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
            if (values.containsKey(method.getName())) {
                return values.get(method.getName());
            }
            if (method.getDefaultValue() != null) {
                return method.getDefaultValue();
            }
            return switch (method.getName()) {
            case "toString" -> type.getSimpleName() + values;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new IllegalStateException("No value for " + method.getName());
            };
        }));
    }
}
