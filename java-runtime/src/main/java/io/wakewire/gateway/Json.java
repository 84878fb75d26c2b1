package io.wakewire.gateway;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The little JSON the gateway needs, without a library: {@link Obj} writes one flat object (the
 * gateway's messages are all flat), {@link #parseFlat} reads one flat object (a command payload).
 * Nested values in a command are refused with a message naming where, since no command has any.
 */
final class Json {

    private Json() {
    }

    /** Builds {@code {"k":v,...}} in insertion order. */
    static final class Obj {
        private final StringBuilder sb = new StringBuilder("{");

        Obj put(String key, String value) {
            key(key);
            if (value == null) {
                sb.append("null");
            } else {
                quote(sb, value);
            }
            return this;
        }

        Obj put(String key, long value) {
            key(key);
            sb.append(value);
            return this;
        }

        Obj put(String key, double value) {
            key(key);
            sb.append(String.format(Locale.ROOT, "%.6g", value).replaceFirst("\\.?0+(?=$|e)", ""));
            return this;
        }

        Obj put(String key, boolean value) {
            key(key);
            sb.append(value);
            return this;
        }

        /** A value that is already JSON (a nested object built with another Obj). */
        Obj putRaw(String key, String json) {
            key(key);
            sb.append(json);
            return this;
        }

        /** An array of strings. */
        Obj put(String key, java.util.List<String> values) {
            key(key);
            sb.append('[');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                quote(sb, values.get(i));
            }
            sb.append(']');
            return this;
        }

        private void key(String key) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, key);
            sb.append(':');
        }

        @Override
        public String toString() {
            return sb + "}";
        }
    }

    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A payload that is not the flat JSON object expected; the message says what and where. */
    static final class BadJson extends Exception {
        private static final long serialVersionUID = 1L;

        BadJson(String message) {
            super(message);
        }
    }

    /**
     * One flat JSON object: values are String, Double (every number), Boolean or null. Keys
     * repeated, nested objects or arrays, and trailing text are errors.
     */
    static Map<String, Object> parseFlat(String text) throws BadJson {
        Parser p = new Parser(text);
        Map<String, Object> out = p.object();
        p.ws();
        if (p.i < text.length()) {
            throw p.error("unexpected text after the object");
        }
        return out;
    }

    private static final class Parser {
        final String s;
        int i;

        Parser(String s) {
            this.s = s;
        }

        BadJson error(String what) {
            return new BadJson("malformed JSON at character " + (i + 1) + ": " + what);
        }

        void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) throws BadJson {
            ws();
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("expected '" + c + "'" + (i >= s.length() ? " but the payload ended" : ""));
            }
            i++;
        }

        Map<String, Object> object() throws BadJson {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return m;
            }
            for (;;) {
                ws();
                String k = string();
                expect(':');
                Object v = value(k);
                if (m.containsKey(k)) {
                    throw error("key \"" + k + "\" given twice");
                }
                m.put(k, v);
                ws();
                if (i < s.length() && s.charAt(i) == ',') {
                    i++;
                    continue;
                }
                expect('}');
                return m;
            }
        }

        Object value(String key) throws BadJson {
            ws();
            if (i >= s.length()) {
                throw error("value of \"" + key + "\" missing");
            }
            char c = s.charAt(i);
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw error("\"" + key + "\" is nested; commands take plain values");
            }
            for (String lit : new String[] {"true", "false", "null"}) {
                if (s.startsWith(lit, i)) {
                    i += lit.length();
                    return lit.equals("null") ? null : Boolean.valueOf(lit);
                }
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return Double.valueOf(s.substring(start, i));
            } catch (NumberFormatException e) {
                i = start;
                throw error("value of \"" + key + "\" is not a string, number, true, false or null");
            }
        }

        String string() throws BadJson {
            if (i >= s.length() || s.charAt(i) != '"') {
                throw error("expected a string in double quotes");
            }
            i++;
            StringBuilder sb = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        break;
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case 'b' -> sb.append('\b');
                        case 'f' -> sb.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                throw error("short \\u escape");
                            }
                            try {
                                sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException x) {
                                throw error("bad \\u escape");
                            }
                            i += 4;
                        }
                        default -> sb.append(e);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw error("unterminated string");
        }
    }
}
