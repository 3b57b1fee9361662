package com.blingauto.scheduling;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A free slot offered instead of the requested one (SCH-11); the shape of {@code details.alternatives} in 409
 * answers of scheduling and bookings. {@code timeDifferenceHours} is a number with 2 decimals.
 */
public record Alternative(UUID resourceId, ResourceType resourceType, Instant suggestedTime, int durationMinutes,
                          BigDecimal timeDifferenceHours) {
}
