package io.wakewire.cli;

import io.wakewire.link.NativeSupport;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;

import java.nio.file.Files;


/**
 * A virtual Uno for the command tests: the real firmware on vboard. Where the two are not built
 * (`make firmware vboard`) the test is skipped with that reason, never passed; under `make test`,
 * which builds them first, it fails ({@link NativeSupport#require}).
 */
final class VirtualUno {

    private VirtualUno() {
    }

    static VirtualBoard start() {
        BuildArtifacts a = BuildArtifacts.locate();
        NativeSupport.require(Files.isExecutable(a.root().resolve("build/vboard/vboard"))
                        && Files.isRegularFile(a.root().resolve("build/uno/wakewire.elf")),
                "build/vboard/vboard or build/uno/wakewire.elf is missing", "make firmware vboard");
        return VirtualBoard.start("uno");
    }
}
