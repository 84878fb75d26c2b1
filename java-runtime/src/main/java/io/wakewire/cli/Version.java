package io.wakewire.cli;

import picocli.CommandLine;

/** {@code wakewire --version}: the jar's version (from its manifest when packaged) and the JVM's. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Version.class.getPackage().getImplementationVersion();
        return new String[] {"wakewire " + (v == null ? "0.1.0-SNAPSHOT (classes)" : v),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
