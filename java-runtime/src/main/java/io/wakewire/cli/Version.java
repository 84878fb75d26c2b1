package io.wakewire.cli;

import picocli.CommandLine;

/**
 * {@code wakewire --version}: the jar's version (from its manifest when packaged), the JVM's, and
 * which async engine is in use (continuations need the jar manifest's {@code Add-Exports}).
 */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"wakewire " + (v == null ? "0.1.0-SNAPSHOT (classes)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                "async engine: " + io.wakewire.task.Async.engine().name()};
    }
}
