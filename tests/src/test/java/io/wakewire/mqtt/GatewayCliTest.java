package io.wakewire.mqtt;

import io.wakewire.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code wakewire gateway} in this JVM: its errors (one line, the documented exit code) and its
 * broker options (credentials, TLS with a private CA) against a real Mosquitto.
 */
@Timeout(120)
class GatewayCliTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static void oneLine(Run r, int code, String contains) {
        assertEquals(code, r.code, r.err);
        assertTrue(r.err.contains(contains), r.err);
        String[] lines = r.err.strip().split("\n");
        assertTrue(lines.length <= 2 && !r.err.contains("\tat "), "one line, no stack trace: " + r.err);
        assertTrue(lines[0].startsWith("wakewire gateway: "), r.err);
    }

    @Test
    void badUrlsAndAnAbsentBrokerAreOneLineErrors() {
        oneLine(run("gateway", "--broker", "localhost:1883", "--port", "/dev/null"), 2, "--broker 'localhost:1883': the scheme");
        oneLine(run("gateway", "--broker", "tcp://", "--port", "/dev/null"), 2, "--broker 'tcp://'");
        oneLine(run("gateway", "--broker", "tcp://127.0.0.1:1883"), 2, "no boards");
        int nobody = Mosquitto.freePort();
        oneLine(run("gateway", "--broker", "tcp://127.0.0.1:" + nobody, "--port", "/dev/null"), 1,
                "cannot connect to the broker at tcp://127.0.0.1:" + nobody + ": Unable to connect to server");
        oneLine(run("gateway", "--broker", "tcp://127.0.0.1:1883", "--port", "/dev/null", "--ca", "/nonexistent.pem"), 2,
                "--ca is for TLS");
    }

    @Test
    void credentialsAreSentAndARefusalIsOneLine(@TempDir Path dir) throws Exception {
        Path passwd = dir.resolve("passwd");
        Files.writeString(passwd, "");
        exec("mosquitto_passwd", "-b", passwd.toString(), "gw", "s3cret");
        Path good = dir.resolve("good");
        Files.writeString(good, "s3cret\n");
        Path bad = dir.resolve("bad");
        Files.writeString(bad, "wrong\n");
        try (Mosquitto broker = Mosquitto.launch("allow_anonymous false", "password_file " + passwd)) {
            oneLine(run("gateway", "--broker", broker.url(), "--port", "/dev/null", "--username", "gw", "--password-file",
                    bad.toString()), 1, "credentials refused");
            oneLine(run("gateway", "--broker", broker.url(), "--port", "/dev/null"), 1, "credentials refused");
            Run ok = run("gateway", "--broker", broker.url(), "--sim", "1", "--no-build", "--duration", "2s", "--username", "gw",
                    "--password-file", good.toString());
            assertEquals(0, ok.code, ok.err);
            assertTrue(ok.out.startsWith("sim0 /dev/"), ok.out);
            assertTrue(ok.err.contains("0 events dropped"), ok.err);
        }
    }

    @Test
    void tlsWithAPrivateCa(@TempDir Path dir) throws Exception {
        exec("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/ca.key", "-out", dir + "/ca.crt",
                "-days", "2", "-subj", "/CN=wakewire test CA");
        exec("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", dir + "/server.key", "-out", dir + "/server.csr",
                "-subj", "/CN=127.0.0.1");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        exec("openssl", "x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.crt", "-CAkey", dir + "/ca.key",
                "-CAcreateserial", "-out", dir + "/server.crt", "-days", "2", "-extfile", dir + "/san.ext");
        int tlsPort = Mosquitto.freePort();
        try (Mosquitto broker = Mosquitto.launch("listener " + tlsPort + " 127.0.0.1", "certfile " + dir + "/server.crt",
                "keyfile " + dir + "/server.key");
             MqttTap tap = MqttTap.subscribe(broker, "wakewire/+/status")) {
            String url = "ssl://127.0.0.1:" + tlsPort;
            oneLine(run("gateway", "--broker", url, "--port", "/dev/null"), 1, "cannot connect to the broker at " + url);
            Run ok = run("gateway", "--broker", url, "--ca", dir + "/ca.crt", "--sim", "1", "--no-build", "--duration", "2s");
            assertEquals(0, ok.code, ok.err);
            // seen on the plain listener of the same broker: the gateway's TLS connection works both ways
            tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("online"), 1, WAIT, "online over TLS");
            tap.require(m -> m.topic().equals("wakewire/sim0/status") && m.payload().equals("offline"), 1, WAIT, "offline at the end");
        }
    }

    private static void exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }
}
