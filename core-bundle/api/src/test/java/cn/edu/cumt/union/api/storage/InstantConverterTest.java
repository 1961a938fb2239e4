package cn.edu.cumt.union.api.storage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.time.Instant;

import org.junit.Test;

public class InstantConverterTest {

    private final InstantConverter converter = new InstantConverter();

    @Test
    public void timesAreStoredToTheMicrosecondAsPostgresKeepsThem() {
        Instant nanos = Instant.parse("2026-12-04T10:15:30.123456789Z");
        assertEquals(Instant.parse("2026-12-04T10:15:30.123456Z"),
                converter.convertToEntityAttribute(converter.convertToDatabaseColumn(nanos)));
        Instant micros = Instant.parse("1969-12-31T23:59:59.000001Z");
        assertEquals(micros, converter.convertToEntityAttribute(converter.convertToDatabaseColumn(micros)));
    }

    @Test
    public void nullStaysNull() {
        assertNull(converter.convertToDatabaseColumn(null));
        assertNull(converter.convertToEntityAttribute(null));
    }
}
