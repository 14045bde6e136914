package org.glancejee.policy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Compiles oslo.policy's check strings. The grammar is oslo's: {@code not} binds tighter than
 * {@code and}, which binds tighter than {@code or}; operators are case-insensitive; parentheses may stick
 * to the checks they enclose. What oslo fails to parse becomes a check that never passes, as there.
 */
final class CheckStringParser {
    private static final Logger LOG = Logger.getLogger(CheckStringParser.class.getName());
    private static final Pattern PYTHON_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

    private enum Kind { LPAREN, RPAREN, AND, OR, NOT, STRING, CHECK }

    private record Token(Kind kind, Check check) {
        static final Token LPAREN = new Token(Kind.LPAREN, null);
        static final Token RPAREN = new Token(Kind.RPAREN, null);
        static final Token AND = new Token(Kind.AND, null);
        static final Token OR = new Token(Kind.OR, null);
        static final Token NOT = new Token(Kind.NOT, null);
        static final Token STRING = new Token(Kind.STRING, null);
    }

    private final List<Token> tokens;
    private int next;

    private CheckStringParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** A rule written in the policy language; {@code ""} always passes. */
    static Check parse(String rule) {
        if (rule.isEmpty()) {
            return Check.ALWAYS;
        }
        CheckStringParser parser = new CheckStringParser(tokenize(rule));
        Optional<Check> check = parser.expression().filter(c -> parser.next == parser.tokens.size());
        if (check.isEmpty()) {
            // oslo logs the same and fails closed; a blank (not empty) rule lands here too
            LOG.severe(() -> "Failed to understand rule " + rule);
        }
        return check.orElse(Check.NEVER);
    }

    /**
     * The legacy list form of a rule: the outer list joined by "or", each inner list (or bare string) by
     * "and", each string a single check. An empty list always passes; a list of only empty lists never.
     */
    static Check parseList(List<?> rule) {
        if (rule.isEmpty()) {
            return Check.ALWAYS;
        }
        List<Check> alternatives = new ArrayList<>();
        for (Object inner : rule) {
            if (inner == null || "".equals(inner) || inner instanceof List<?> list && list.isEmpty()) {
                continue;
            }
            List<?> conjunction = inner instanceof List<?> list ? list : List.of(inner);
            List<Check> all = conjunction.stream()
                    .map(c -> c instanceof String s ? parseSingle(s) : Check.NEVER).toList();
            alternatives.add(Check.Junction.allOf(all));
        }
        if (alternatives.isEmpty()) {
            return Check.NEVER;
        }
        return Check.Junction.anyOf(alternatives);
    }

    /** One check such as {@code role:admin}, {@code rule:x}, {@code project_id:%(owner)s}, {@code @} or {@code !}. */
    static Check parseSingle(String check) {
        if (check.equals("!")) {
            return Check.NEVER;
        }
        if (check.equals("@")) {
            return Check.ALWAYS;
        }
        int colon = check.indexOf(':');
        if (colon < 0) {
            LOG.severe(() -> "Failed to understand rule " + check);
            return Check.NEVER;
        }
        String kind = check.substring(0, colon);
        String match = check.substring(colon + 1);
        switch (kind) {
            case "rule":
                return new Check.RuleReference(match);
            case "http", "https":
                LOG.severe(() -> "Remote policy checks are not supported, failing closed: " + check);
                return Check.NEVER;
            default:
                break;
        }
        Optional<TargetTemplate> template = TargetTemplate.parse(match);
        if (template.isEmpty()) {
            // Python raises on such a format string while enforcing; fail closed instead
            LOG.severe(() -> "Unsupported %-format in policy check, failing closed: " + check);
            return Check.NEVER;
        }
        if (kind.equals("role")) {
            return new Check.RoleCheck(template.get());
        }
        Optional<String> literal = pythonLiteral(kind);
        if (literal.isPresent()) {
            return new Check.LiteralMatch(literal.get(), template.get());
        }
        Optional<CredentialKey> key = CredentialKey.byOsloName(kind);
        if (key.isEmpty()) {
            LOG.fine(() -> "Policy check on a credential Glance does not provide, never passes: " + check);
            return Check.NEVER;
        }
        return new Check.CredentialMatch(key.get(), template.get());
    }

    /** str(ast.literal_eval(text)) for strings, True/False/None and integers; empty for anything else. */
    static Optional<String> pythonLiteral(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return Optional.of(unescape(text.substring(1, text.length() - 1)));
        }
        if (text.equals("True") || text.equals("False") || text.equals("None")) {
            return Optional.of(text);
        }
        if (PYTHON_INT.matcher(text).matches()) {
            return Optional.of(new BigInteger(text.replace("_", "")).toString());
        }
        return Optional.empty();
    }

    private static String unescape(String quoted) {
        if (quoted.indexOf('\\') < 0) {
            return quoted;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char escaped = quoted.charAt(++i);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case '\\', '\'', '"' -> out.append(escaped);
                    default -> out.append(c).append(escaped);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Splits on whitespace; leading "(" and trailing ")" of a word are tokens of their own; a word
     * quoted at both ends (before its trailing parentheses are removed) is a string, which no rule
     * accepts, so its rule fails to parse.
     */
    private static List<Token> tokenize(String rule) {
        List<Token> tokens = new ArrayList<>();
        for (String word : words(rule)) {
            int start = 0;
            while (start < word.length() && word.charAt(start) == '(') {
                tokens.add(Token.LPAREN);
                start++;
            }
            int end = word.length();
            while (end > start && word.charAt(end - 1) == ')') {
                end--;
            }
            String rest = word.substring(start);
            String clean = word.substring(start, end);
            switch (clean.toLowerCase(Locale.ROOT)) {
                case "and" -> tokens.add(Token.AND);
                case "or" -> tokens.add(Token.OR);
                case "not" -> tokens.add(Token.NOT);
                case "" -> { }
                default -> tokens.add(isQuoted(rest) ? Token.STRING : new Token(Kind.CHECK, parseSingle(clean)));
            }
            for (int i = end; i < word.length(); i++) {
                tokens.add(Token.RPAREN);
            }
        }
        return tokens;
    }

    private static boolean isQuoted(String text) {
        return text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0);
    }

    private static List<String> words(String rule) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < rule.length()) {
            while (i < rule.length() && isPythonSpace(rule.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < rule.length() && !isPythonSpace(rule.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(rule.substring(start, i));
            }
        }
        return words;
    }

    /** What Python's \s matches in a str pattern. */
    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    // Recursive descent over the tokens; oslo's shift-reduce parser accepts the same language.

    private Optional<Check> expression() {
        return joined(Kind.OR, this::conjunction, Check.Junction::anyOf);
    }

    private Optional<Check> conjunction() {
        return joined(Kind.AND, this::operand, Check.Junction::allOf);
    }

    /** One or more operands separated by the operator, or empty if an operand is missing. */
    private Optional<Check> joined(Kind operator, Supplier<Optional<Check>> operand,
                                   Function<List<Check>, Check> join) {
        List<Check> operands = new ArrayList<>();
        do {
            Optional<Check> next = operand.get();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            operands.add(next.get());
        } while (accept(operator));
        return Optional.of(join.apply(operands));
    }

    private Optional<Check> operand() {
        if (accept(Kind.NOT)) {
            return operand().map(Check.Not::new);
        }
        if (accept(Kind.LPAREN)) {
            Optional<Check> inner = expression();
            return accept(Kind.RPAREN) ? inner : Optional.empty();
        }
        if (next < tokens.size() && tokens.get(next).kind() == Kind.CHECK) {
            return Optional.of(tokens.get(next++).check());
        }
        return Optional.empty();
    }

    private boolean accept(Kind kind) {
        if (next < tokens.size() && tokens.get(next).kind() == kind) {
            next++;
            return true;
        }
        return false;
    }
}
