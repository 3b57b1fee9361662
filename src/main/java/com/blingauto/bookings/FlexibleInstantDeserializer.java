package com.blingauto.bookings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/** CNV-17 datetime input: ISO-8601 with any offset; without an offset the value is read as UTC. */
final class FlexibleInstantDeserializer extends ValueDeserializer<Instant> {

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
        }
        String text = p.getString().strip();
        Instant parsed = parse(text);
        if (parsed == null) {
            return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "Input should be a valid datetime");
        }
        return parsed;
    }

    /** Null when the text is not an ISO-8601 datetime. */
    static Instant parse(String text) {
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            return t instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) t).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | ClassCastException e) {
            return null;
        }
    }
}
