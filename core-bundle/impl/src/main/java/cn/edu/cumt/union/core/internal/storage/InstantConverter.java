package cn.edu.cumt.union.core.internal.storage;

import java.sql.Timestamp;
import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores {@link Instant} fields as SQL timestamps. JPA 2.2 and EclipseLink 2.7 know the local
 * java.time types but not {@code Instant}, which they would otherwise serialise into a blob.
 */
@Converter(autoApply = true)
public class InstantConverter implements AttributeConverter<Instant, Timestamp> {

    @Override
    public Timestamp convertToDatabaseColumn(Instant value) {
        return value == null ? null : Timestamp.from(value);
    }

    @Override
    public Instant convertToEntityAttribute(Timestamp value) {
        return value == null ? null : value.toInstant();
    }
}
