package org.glancejee.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A compiled check string: the tree oslo.policy builds from one rule. Evaluating it neither parses nor
 * allocates (except for rare templates mixing text and several target keys).
 */
sealed interface Check {

    boolean allows(Credentials creds, Map<String, ?> target);

    /** This check with each {@code rule:NAME} replaced by what the resolver gives for NAME. */
    default Check resolve(Function<String, Check> rules) {
        return this;
    }

    /** {@code @}, the empty check string ({@link #ALWAYS}), and {@code !} or anything oslo gives up on ({@link #NEVER}). */
    enum Constant implements Check {
        ALWAYS, NEVER;

        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            return this == ALWAYS;
        }
    }

    Check ALWAYS = Constant.ALWAYS;
    Check NEVER = Constant.NEVER;

    /** Checks joined by "or" (one must pass) or by "and" (all must), evaluated left to right until decided. */
    record Junction(boolean anyOf, List<Check> checks) implements Check {
        public Junction {
            checks = List.copyOf(checks);
        }

        static Check anyOf(List<Check> checks) {
            return checks.size() == 1 ? checks.get(0) : new Junction(true, checks);
        }

        static Check allOf(List<Check> checks) {
            return checks.size() == 1 ? checks.get(0) : new Junction(false, checks);
        }

        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            for (int i = 0; i < checks.size(); i++) { // no iterator: this runs on every request
                if (checks.get(i).allows(creds, target) == anyOf) {
                    return anyOf;
                }
            }
            return !anyOf;
        }

        @Override
        public Check resolve(Function<String, Check> rules) {
            return new Junction(anyOf, checks.stream().map(c -> c.resolve(rules)).toList());
        }
    }

    record Not(Check check) implements Check {
        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            return !check.allows(creds, target);
        }

        @Override
        public Check resolve(Function<String, Check> rules) {
            return new Not(check.resolve(rules));
        }
    }

    /** {@code rule:NAME}; only exists until the policy links its rules. */
    record RuleReference(String name) implements Check {
        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            throw new IllegalStateException("rule:" + name + " was never linked");
        }

        @Override
        public Check resolve(Function<String, Check> rules) {
            return rules.apply(name);
        }
    }

    /** {@code role:NAME}: one of the caller's roles equals NAME, ignoring case. */
    record RoleCheck(TargetTemplate role) implements Check {
        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            if (!role.canFormat(target)) {
                return false;
            }
            String wanted = role.format(target);
            for (String held : creds.roles()) {
                if (held.equalsIgnoreCase(wanted)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code key:match}: the credential value (any element of a list value) as a string equals the match. */
    record CredentialMatch(CredentialKey key, TargetTemplate expected) implements Check {
        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            if (!key.isPresentIn(creds)) {
                return false;
            }
            Object value = key.valueOf(creds);
            if (value instanceof Collection<?> values) {
                for (Object element : values) {
                    if (expected.matches(PythonStr.of(element), target)) {
                        return true;
                    }
                }
                return false;
            }
            return expected.matches(PythonStr.of(value), target);
        }
    }

    /** {@code 'text':match} or {@code True:match}: a Python literal on the left, compared as a string. */
    record LiteralMatch(String literal, TargetTemplate expected) implements Check {
        @Override
        public boolean allows(Credentials creds, Map<String, ?> target) {
            return expected.matches(literal, target);
        }
    }
}
