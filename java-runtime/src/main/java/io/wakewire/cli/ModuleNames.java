package io.wakewire.cli;

import io.wakewire.board.FirmwareModule;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/** The firmware modules by their MODULES= names, for {@code flash --modules}: its candidates and its check. */
final class ModuleNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        List<String> names = new ArrayList<>();
        for (FirmwareModule m : FirmwareModule.values()) {
            names.add(m.makeName());
        }
        return names.iterator();
    }

    /** The names given, sorted and without repeats; 'none' alone is the empty list. A usage error names a bad one. */
    static List<String> check(List<String> given) {
        TreeSet<String> known = new TreeSet<>();
        new ModuleNames().forEach(known::add);
        TreeSet<String> chosen = new TreeSet<>();
        for (String g : given) {
            String n = g.strip();
            if (n.equals("none") && given.size() == 1) {
                return List.of();
            }
            if (!known.contains(n)) {
                throw new CliException(ExitCode.USAGE, "--modules: no firmware module '" + g + "' (modules: "
                        + String.join(", ", known) + "; 'none' alone for the core)");
            }
            chosen.add(n);
        }
        if (chosen.contains(FirmwareModule.STREAM.makeName()) && !chosen.contains(FirmwareModule.ANALOG.makeName())) {
            throw new CliException(ExitCode.USAGE, "--modules: 'stream' needs 'analog' (they share the ADC): --modules "
                    + String.join(",", chosen) + ",analog");
        }
        return List.copyOf(chosen);
    }
}
