package com.blingauto.scheduling;

import java.util.List;
import java.util.UUID;

/** The outcome of allocating a resource to a booking (05 BOK-6, BOK-7). */
public sealed interface Allocation {

    /** The resource was reserved: a {@code booking} reservation {@code reservationId} now holds it. */
    record Allocated(UUID resourceId, UUID reservationId) implements Allocation {
    }

    /** No resource suits the request at all (422 {@code RG-BOK-006} / {@code RG-BOK-007}). */
    record NoCandidate() implements Allocation {
    }

    /** Suitable resources exist but none is free (409 with {@code details.alternatives}). */
    record NoneFree(List<Alternative> alternatives) implements Allocation {
    }
}
