package com.blingauto.scheduling;

import java.util.UUID;

/** What a slot hold needs to know of a booking: its owner and its status in wire spelling ({@code pending}, …). */
public record SlotBooking(UUID id, UUID customerId, String status) {
}
