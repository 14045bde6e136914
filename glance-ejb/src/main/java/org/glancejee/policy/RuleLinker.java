package org.glancejee.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * Replaces every {@code rule:NAME} by the check of rule NAME, once, so that evaluation follows plain
 * references. As in oslo.policy, NAME missing falls back to the rule named {@code default}, and fails
 * only when that is missing too. Rules that reach themselves (where oslo recurses until Python gives up)
 * never pass.
 */
final class RuleLinker {
    private static final Logger LOG = Logger.getLogger(RuleLinker.class.getName());
    static final String DEFAULT_RULE = "default";

    private final Map<String, Check> unlinked;
    private final Map<String, Check> linked = new HashMap<>();
    private final List<String> inProgress = new ArrayList<>();
    private final Set<String> cyclic = new TreeSet<>();
    private final Set<String> undefined = new TreeSet<>();

    private RuleLinker(Map<String, Check> unlinked) {
        this.unlinked = unlinked;
    }

    /** The same rules with their references resolved. */
    static Map<String, Check> link(Map<String, Check> rules) {
        RuleLinker linker = new RuleLinker(rules);
        Map<String, Check> result = new LinkedHashMap<>();
        for (String name : rules.keySet()) {
            result.put(name, linker.linked(name));
        }
        if (!linker.undefined.isEmpty()) {
            LOG.warning(() -> "Policies reference rules that are not defined (the rule \"" + DEFAULT_RULE
                    + "\" applies in their place): " + linker.undefined);
        }
        if (!linker.cyclic.isEmpty()) {
            LOG.severe(() -> "Policies are part of a cyclical reference and will never pass: " + linker.cyclic);
        }
        return result;
    }

    private Check linked(String name) {
        Check done = linked.get(name);
        if (done != null) {
            return done;
        }
        int onStack = inProgress.indexOf(name);
        if (onStack >= 0) {
            cyclic.addAll(inProgress.subList(onStack, inProgress.size()));
            return Check.NEVER;
        }
        inProgress.add(name);
        Check check = unlinked.get(name).resolve(this::reference);
        inProgress.remove(inProgress.size() - 1);
        if (cyclic.contains(name)) {
            check = Check.NEVER;
        }
        linked.put(name, check);
        return check;
    }

    private Check reference(String name) {
        if (unlinked.containsKey(name)) {
            return linked(name);
        }
        undefined.add(name);
        return unlinked.containsKey(DEFAULT_RULE) ? linked(DEFAULT_RULE) : Check.NEVER;
    }
}
