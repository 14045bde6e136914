package org.glancejee.policy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An operator's policy file, oslo.policy's {@code policy_file}: a YAML or JSON map from rule name to
 * check string. As in oslo, a rule may also be null (always
 * passes) or a legacy list of lists of checks.
 */
final class PolicyFile {
    private PolicyFile() {
    }

    /** The rules of the file, compiled but not yet linked to each other. */
    static Map<String, Check> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyFileException("Cannot read policy file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static Map<String, Check> parse(String text, String source) {
        Object document = document(text, source);
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> entries)) {
            throw new PolicyFileException("Policy file " + source + " must map rule names to check strings");
        }
        Map<String, Check> rules = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : entries.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                throw new PolicyFileException("Policy file " + source + ": rule name " + entry.getKey()
                        + " is not a string (quote it)");
            }
            rules.put(name, compile(entry.getValue(), name, source));
        }
        return rules;
    }

    /** JSON first, then YAML, as oslo.policy's parse_file_contents. */
    private static Object document(String text, String source) {
        try {
            return JsonText.parse(text);
        } catch (IllegalArgumentException notJson) {
            try {
                return new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
            } catch (YAMLException e) {
                throw new PolicyFileException("Policy file " + source + " is neither JSON nor YAML: "
                        + e.getMessage(), e);
            }
        }
    }

    private static Check compile(Object rule, String name, String source) {
        if (rule instanceof String checkString) {
            return CheckStringParser.parse(checkString);
        }
        if (rule == null) {
            return Check.ALWAYS;
        }
        if (rule instanceof List<?> legacy) {
            return CheckStringParser.parseList(legacy);
        }
        // oslo would take False or 0 as "always" and fail on True or a number at the first check
        throw new PolicyFileException("Policy file " + source + ": rule " + name
                + " must be a check string (quote it), not " + rule);
    }
}
