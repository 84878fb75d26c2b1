package io.wakewire.gateway;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command payloads: what is accepted, and the words of every refusal. */
class CommandPayloadTest {

    private static OutputCommand parse(String json) throws Exception {
        return OutputCommand.from(Json.parseFlat(json));
    }

    private static String refusal(String json) {
        Exception e = assertThrows(Exception.class, () -> parse(json));
        return e.getMessage();
    }

    @Test
    void levelsAndDuties() throws Exception {
        assertEquals(new OutputCommand("c1", true, null), parse("{\"id\":\"c1\",\"level\":1}"));
        assertEquals(new OutputCommand("c2", false, null), parse(" { \"level\" : \"LOW\" , \"id\" : \"c2\" } "));
        assertEquals(new OutputCommand("7", true, null), parse("{\"id\":7,\"level\":true}"));
        assertEquals(new OutputCommand("p", false, 0.25), parse("{\"id\":\"p\",\"pwm\":0.25}"));
        assertEquals(new OutputCommand("e!", false, 1.0), parse("{\"id\":\"e\\u0021\",\"pwm\":1}"));
    }

    @Test
    void refusalsSayWhatIsWrong() {
        assertEquals("malformed JSON at character 1: expected '{'", refusal("garbage"));
        assertEquals("malformed JSON at character 20: value of \"level\" missing", refusal("{\"id\":\"u4\",\"level\":"));
        assertEquals("malformed JSON at character 20: \"level\" is nested; commands take plain values",
                refusal("{\"id\":\"u4\",\"level\":[1]}"));
        assertEquals("malformed JSON at character 19: key \"id\" given twice", refusal("{\"id\":\"a\",\"id\":\"b\"}"));
        assertEquals("malformed JSON at character 22: unexpected text after the object", refusal("{\"id\":\"a\",\"level\":1} x"));
        String jackson = refusal("{\"id\":\"a\",\"level\":tru}"); // found by the parser itself: its words, one line
        assertTrue(jackson.startsWith("malformed JSON at character ") && jackson.contains("tru")
                && jackson.lines().count() == 1, jackson);
        assertEquals("\"id\" is missing (a string: each command needs its own)", refusal("{\"level\":1}"));
        assertEquals("\"id\" must be a non-empty string or an integer", refusal("{\"id\":\"\",\"level\":1}"));
        assertEquals("unknown key \"lvl\" (a command has \"id\" and \"level\" or \"pwm\")", refusal("{\"id\":\"a\",\"lvl\":1}"));
        assertEquals("\"level\" or \"pwm\" is missing", refusal("{\"id\":\"a\"}"));
        assertEquals("give \"level\" or \"pwm\", not both", refusal("{\"id\":\"a\",\"level\":1,\"pwm\":0.5}"));
        assertEquals("\"level\" must be 0, 1, true, false, \"high\" or \"low\", not 7", refusal("{\"id\":\"a\",\"level\":7}"));
        assertEquals("\"level\" must be 0, 1, true, false, \"high\" or \"low\", not \"on\"", refusal("{\"id\":\"a\",\"level\":\"on\"}"));
        assertEquals("\"pwm\" must be a number from 0.0 to 1.0, not 1.5", refusal("{\"id\":\"a\",\"pwm\":1.5}"));
    }

    @Test
    void writerEscapesAndTopicsParse() throws Exception {
        String s = new Json.Obj().put("a", "q\"\\\n\u0001").put("n", 3L).put("b", true).put("z", (String) null).toString();
        assertEquals("{\"a\":\"q\\\"\\\\\\n\\u0001\",\"n\":3,\"b\":true,\"z\":null}", s);
        assertEquals("{\"d\":0.25,\"h\":100,\"t\":1E-7,\"x\":null,\"o\":{\"l\":[\"a\"]}}", new Json.Obj().put("d", 0.25)
                .put("h", 100.0).put("t", 1e-7).put("x", Double.NaN).put("o", new Json.Obj().put("l", java.util.List.of("a")))
                .toString());
        Map<String, Object> back = Json.parseFlat(s);
        assertEquals("q\"\\\n\u0001", back.get("a"));
        Topics t = new Topics("wakewire", "sim0");
        assertEquals("D13", t.commandPin("wakewire/sim0/D13/set"));
        assertNull(t.commandPin("wakewire/sim1/D13/set"));
        assertNull(t.commandPin("wakewire/sim0/a/b/set"));
    }
}
