package io.wakewire.pi;

import com.pi4j.io.gpio.digital.DigitalBase;
import java.lang.reflect.Field;
import java.util.Set;

/** Reads how many listeners a Pi4J digital I/O holds, for tests that must prove none leak. */
final class Pi4jListeners {

    private Pi4jListeners() {}

    static int count(Object digital) {
        try {
            Field managerField = DigitalBase.class.getDeclaredField("stateChangeEventManager");
            managerField.setAccessible(true);
            Object manager = managerField.get(digital);
            Field listenersField = manager.getClass().getDeclaredField("listeners");
            listenersField.setAccessible(true);
            return ((Set<?>) listenersField.get(manager)).size();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new AssertionError("cannot read Pi4J's listener set (Pi4J internals changed?): " + e, e);
        }
    }
}
