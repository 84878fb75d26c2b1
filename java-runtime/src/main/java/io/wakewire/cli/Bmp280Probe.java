package io.wakewire.cli;

import io.wakewire.board.Board;
import io.wakewire.board.FirmwareModule;
import io.wakewire.board.I2cBus;
import io.wakewire.board.I2cException;
import io.wakewire.task.Async;

import java.util.Locale;

/**
 * The demo's I2C sensor: a Bosch BMP280 at 0x76 (the virtual board has one, `vboard --i2c bmp280`):
 * its chip id and its temperature, compensated with its own calibration words (the datasheet's
 * integer formula). One line for the demo's summary, whatever happens.
 */
final class Bmp280Probe {

    static final int ADDR = 0x76;

    private Bmp280Probe() {
    }

    /** "BMP280 at 0x76: chip id 0x58, 25.08 °C", or why there is none. Task context. */
    static String describe(Board board) {
        if (!board.modules().contains(FirmwareModule.I2C)) {
            return "no i2c module in this firmware";
        }
        try {
            I2cBus i2c = Async.await(board.i2c(400_000));
            int id = Async.await(i2c.writeRead(ADDR, 0xD0, 1))[0] & 0xFF;
            if (id != 0x58) {
                return String.format(Locale.ROOT, "the device at 0x%02x is not a BMP280 (chip id 0x%02x)", ADDR, id);
            }
            byte[] cal = Async.await(i2c.writeRead(ADDR, 0x88, 6));
            byte[] raw = Async.await(i2c.writeRead(ADDR, 0xFA, 3));
            int t1 = (cal[0] & 0xFF) | (cal[1] & 0xFF) << 8;
            int t2 = (short) ((cal[2] & 0xFF) | (cal[3] & 0xFF) << 8);
            int t3 = (short) ((cal[4] & 0xFF) | (cal[5] & 0xFF) << 8);
            return String.format(Locale.ROOT, "BMP280 at 0x%02x: chip id 0x%02x, %.2f °C", ADDR, id,
                    centiCelsius((raw[0] & 0xFF) << 12 | (raw[1] & 0xFF) << 4 | (raw[2] & 0xFF) >> 4, t1, t2, t3) / 100.0);
        } catch (I2cException e) {
            return String.format(Locale.ROOT, "no BMP280 at 0x%02x (%s)", ADDR, e.getMessage());
        }
    }

    /** The BMP280 datasheet's bmp280_compensate_T_int32: 0.01 °C. */
    static int centiCelsius(int adcT, int t1, int t2, int t3) {
        int var1 = (((adcT >> 3) - (t1 << 1)) * t2) >> 11;
        int var2 = (((((adcT >> 4) - t1) * ((adcT >> 4) - t1)) >> 12) * t3) >> 14;
        return ((var1 + var2) * 5 + 128) >> 8;
    }
}
