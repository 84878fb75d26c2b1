package io.wakewire.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's JSON, on Jackson (jackson-jr to write, jackson-core's streaming parser to read):
 * {@link Obj} builds one object (the gateway's messages), {@link #parseFlat} reads one flat object
 * (a command payload). Reading token by token lets a refusal name what is wrong in the gateway's
 * own words, where: a nested value, a repeated key, a missing value, text after the object.
 */
final class Json {

    private static final JSON WRITER = JSON.std.with(JSON.Feature.WRITE_NULL_PROPERTIES);
    private static final JsonFactory PARSERS = new JsonFactory();

    private Json() {
    }

    /** Builds {@code {"k":v,...}} in insertion order. */
    static final class Obj {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        Obj put(String key, String value) {
            fields.put(key, value);
            return this;
        }

        Obj put(String key, long value) {
            fields.put(key, value);
            return this;
        }

        /** Six significant digits, no trailing zeros (0.25, 3, 100, 1E-7); null when not finite (JSON has no NaN). */
        Obj put(String key, double value) {
            BigDecimal d = null;
            if (Double.isFinite(value)) {
                d = new BigDecimal(String.format(Locale.ROOT, "%.6g", value)).stripTrailingZeros();
                d = d.scale() < 0 ? d.setScale(0) : d; // 100, not 1E+2
            }
            fields.put(key, d);
            return this;
        }

        Obj put(String key, boolean value) {
            fields.put(key, value);
            return this;
        }

        /** A nested object. */
        Obj put(String key, Obj value) {
            fields.put(key, value.fields);
            return this;
        }

        /** An array of strings. */
        Obj put(String key, List<String> values) {
            fields.put(key, List.copyOf(values));
            return this;
        }

        @Override
        public String toString() {
            try {
                return WRITER.asString(fields);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write JSON for " + fields.keySet(), e); // a String sink: never
            }
        }
    }

    /** A payload that is not the flat JSON object expected; the message says what and where. */
    static final class BadJson extends Exception {
        private static final long serialVersionUID = 1L;

        BadJson(String message) {
            super(message);
        }
    }

    private static BadJson error(long offset, String what) {
        return new BadJson("malformed JSON at character " + (offset + 1) + ": " + what);
    }

    /** The first non-blank character at or after {@code from}. */
    private static int skipBlanks(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * One flat JSON object: values are String, Double (every number), Boolean or null. Keys
     * repeated, nested objects or arrays, and trailing text are errors.
     */
    static Map<String, Object> parseFlat(String text) throws BadJson {
        try (JsonParser p = PARSERS.createParser(text)) {
            try {
                return parseFlat(p, text);
            } catch (JsonEOFException e) {
                // the parser reads a key together with its colon: a payload cut after either still names the key
                String key = p.currentName();
                throw error(text.length(), key != null ? "value of \"" + key + "\" missing"
                        : "the payload ended inside the object");
            }
        } catch (JsonProcessingException e) {
            throw error(e.getLocation() == null ? 0 : e.getLocation().getCharOffset(), e.getOriginalMessage().lines()
                    .findFirst().orElse("not JSON"));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a String", e); // a String source: never
        }
    }

    private static Map<String, Object> parseFlat(JsonParser p, String text) throws IOException, BadJson {
        Map<String, Object> out = new LinkedHashMap<>();
        JsonToken t;
        try {
            t = p.nextToken();
        } catch (JsonProcessingException e) {
            t = null;
        }
        if (t != JsonToken.START_OBJECT) {
            throw error(skipBlanks(text, 0), "expected '{'");
        }
        while ((t = p.nextToken()) != JsonToken.END_OBJECT) {
            String key = p.currentName();
            t = p.nextToken();
            Object v = switch (t) {
                case VALUE_STRING -> p.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NULL -> null;
                case START_OBJECT, START_ARRAY -> throw error(p.currentTokenLocation().getCharOffset(),
                        "\"" + key + "\" is nested; commands take plain values");
                default -> throw error(p.currentTokenLocation().getCharOffset(), "unexpected " + t);
            };
            if (out.containsKey(key)) {
                throw error(p.currentLocation().getCharOffset(), "key \"" + key + "\" given twice");
            }
            out.put(key, v);
        }
        int after = skipBlanks(text, (int) p.currentLocation().getCharOffset());
        if (after < text.length()) {
            throw error(after, "unexpected text after the object");
        }
        return out;
    }
}
