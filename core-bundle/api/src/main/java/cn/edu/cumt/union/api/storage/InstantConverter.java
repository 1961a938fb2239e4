package cn.edu.cumt.union.api.storage;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores {@link Instant} fields as SQL {@code TIMESTAMP}: JPA 2.2 and EclipseLink 2.7 know
 * {@code LocalDateTime} but not {@code Instant}, and would otherwise write it as bytes. List this
 * class in your {@code persistence.xml}; it applies to every {@code Instant} attribute.
 * <p>Written to microseconds: PostgreSQL keeps no more (Derby would keep nanoseconds), so that a time
 * reads back the same on either database.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value.truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
