package cn.edu.cumt.union.core.internal.plugin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which types and members a unit plugin's classes may reference. The format, as in
 * {@code etc/cn.edu.cumt.union.plugins.cfg}:
 * <ul>
 * <li>allowed: {@code a.b.*} (the types of package a.b), {@code a.b.**} (and of its subpackages),
 * {@code a.b.C} (one type); a type always brings its nested types ({@code a.b.C$D}) along;</li>
 * <li>denied: a type pattern as above (the type, its nested types, every member, and every type
 * that extends or implements it), or {@code type#member} where member is a name or
 * {@code name(descriptor} and {@code *} is a wildcard; a member is denied also when it is
 * reached through a subtype (TypedQuery#unwrap is Query#unwrap);</li>
 * <li>bootstraps: {@code type#member} of the invokedynamic bootstrap methods javac uses (lambdas,
 * string concatenation, records, switch on patterns); their java.lang.invoke types are allowed
 * only as part of such a call.</li>
 * </ul>
 * Names are binary names with dots ({@code java.lang.ProcessBuilder$Redirect}).
 */
final class ReferencePolicy {

    private final List<Pattern> allowed;
    private final List<Pattern> deniedTypes;
    private final List<Pattern[]> deniedMembers;
    private final List<Pattern[]> bootstraps;
    private final Set<String> bootstrapOwners = new LinkedHashSet<>();

    ReferencePolicy(Collection<String> allowed, Collection<String> denied, Collection<String> bootstraps) {
        this.allowed = split(allowed).stream().map(ReferencePolicy::typePattern).toList();
        List<Pattern> types = new ArrayList<>();
        List<Pattern[]> members = new ArrayList<>();
        for (String entry : split(denied)) {
            int hash = entry.indexOf('#');
            if (hash < 0) {
                types.add(typePattern(entry));
            } else {
                members.add(new Pattern[] { typePattern(entry.substring(0, hash)), memberPattern(entry.substring(hash + 1)) });
            }
        }
        this.deniedTypes = types;
        this.deniedMembers = members;
        List<Pattern[]> bsm = new ArrayList<>();
        for (String entry : split(bootstraps)) {
            int hash = entry.indexOf('#');
            if (hash > 0) {
                bsm.add(new Pattern[] { typePattern(entry.substring(0, hash)), memberPattern(entry.substring(hash + 1)) });
                bootstrapOwners.add(entry.substring(0, hash));
            }
        }
        this.bootstraps = bsm;
    }

    /** Config Admin may hand a list over as one comma-separated string: accept both. */
    static List<String> split(Collection<String> values) {
        List<String> out = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** @return the owners of the bootstrap methods (their constant-pool class entries are part of the call) */
    Set<String> bootstrapOwners() {
        return bootstrapOwners;
    }

    boolean bootstrap(String owner, String name) {
        for (Pattern[] entry : bootstraps) {
            if (entry[0].matcher(owner).matches() && entry[1].matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** @param hierarchy the type and all its supertypes */
    boolean typeAllowed(String type, Collection<String> hierarchy) {
        if (allowed.stream().noneMatch(p -> matchesType(p, type))) {
            return false;
        }
        for (String each : hierarchy) {
            if (deniedTypes.stream().anyMatch(p -> matchesType(p, each))) {
                return false;
            }
        }
        return true;
    }

    /** @param hierarchy the owner and all its supertypes */
    boolean memberDenied(Collection<String> hierarchy, String name, String descriptor) {
        for (String each : hierarchy) {
            if (deniedTypes.stream().anyMatch(p -> matchesType(p, each))) {
                return true;
            }
            for (Pattern[] entry : deniedMembers) {
                if (matchesType(entry[0], each)
                        && (entry[1].matcher(name).matches() || (descriptor != null && entry[1].matcher(name + descriptor).matches()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matchesType(Pattern pattern, String type) {
        if (pattern.matcher(type).matches()) {
            return true;
        }
        // a type brings its nested types along
        int dollar = type.indexOf('$', type.lastIndexOf('.') + 1);
        return dollar > 0 && pattern.matcher(type.substring(0, dollar)).matches();
    }

    /** {@code *} is anything within one name (no dot), {@code **} anything. */
    private static Pattern typePattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*') {
                if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                    // "a.b.**" also matches types of a.b itself
                    regex.append(".*");
                    i++;
                } else {
                    regex.append("[^.]*");
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static Pattern memberPattern(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            regex.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
