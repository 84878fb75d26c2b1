package io.wakewire.cli;

import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A virtual Uno for the command tests: the real firmware on vboard. Where the two are not built
 * (`make firmware vboard`; `make test` builds them before the Java tests) the test is skipped
 * with that reason, never passed.
 */
final class VirtualUno {

    private VirtualUno() {
    }

    static VirtualBoard start() {
        BuildArtifacts a = BuildArtifacts.locate();
        assumeTrue(Files.isExecutable(a.root().resolve("build/vboard/vboard"))
                        && Files.isRegularFile(a.root().resolve("build/uno/wakewire.elf")),
                "build/vboard/vboard or build/uno/wakewire.elf is missing: run make firmware vboard");
        return VirtualBoard.start("uno");
    }
}
