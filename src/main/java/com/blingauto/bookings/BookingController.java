package com.blingauto.bookings;

import com.blingauto.bookings.BookingsApi.AddServicesRequest;
import com.blingauto.bookings.BookingsApi.AddServicesResponse;
import com.blingauto.bookings.BookingsApi.BookingList;
import com.blingauto.bookings.BookingsApi.BookingStats;
import com.blingauto.bookings.BookingsApi.BookingView;
import com.blingauto.bookings.BookingsApi.CancelBookingRequest;
import com.blingauto.bookings.BookingsApi.CancelBookingResponse;
import com.blingauto.bookings.BookingsApi.CompleteBookingRequest;
import com.blingauto.bookings.BookingsApi.CompleteBookingResponse;
import com.blingauto.bookings.BookingsApi.ConfirmBookingRequest;
import com.blingauto.bookings.BookingsApi.ConfirmBookingResponse;
import com.blingauto.bookings.BookingsApi.CreateBookingRequest;
import com.blingauto.bookings.BookingsApi.NoShowRequest;
import com.blingauto.bookings.BookingsApi.NoShowResponse;
import com.blingauto.bookings.BookingsApi.RateBookingRequest;
import com.blingauto.bookings.BookingsApi.RateBookingResponse;
import com.blingauto.bookings.BookingsApi.RemoveServiceResponse;
import com.blingauto.bookings.BookingsApi.RescheduleBookingRequest;
import com.blingauto.bookings.BookingsApi.RescheduleBookingResponse;
import com.blingauto.bookings.BookingsApi.StartBookingResponse;
import com.blingauto.bookings.BookingsApi.UpdateBookingRequest;
import com.blingauto.bookings.BookingsApi.UpdateBookingResponse;
import com.blingauto.shared.AllowedRoles;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.InvalidRequestException;
import com.blingauto.shared.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Spec 05 E1–E14. Visibility and authority beyond the role lists are the service's (BOK-19). */
@RestController
@RequestMapping("/api/v1/bookings")
@Tag(name = "bookings")
class BookingController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final BookingService bookings;
    private final BookingQueries queries;

    BookingController(BookingService bookings, BookingQueries queries) {
        this.bookings = bookings;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Create a booking and allocate a wash bay or mobile team; optional Idempotency-Key header")
    @ApiResponse(responseCode = "201", description = "Created, or the stored response replayed (header Idempotent-Replayed: true)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BookingsApi.CreateBookingResponse.class)))
    ResponseEntity<?> create(CurrentUser caller, @Valid @RequestBody CreateBookingRequest request,
                             @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        BookingService.Created created = bookings.create(caller, request, idempotencyKey);
        if (created.replayed()) {
            return ResponseEntity.status(created.status()).header("Idempotent-Replayed", "true")
                    .contentType(MediaType.APPLICATION_JSON).body(created.replayedBody());
        }
        return ResponseEntity.status(created.status()).body(created.response());
    }

    /** 1..255 printable ASCII characters (spec 05 §2.1). */
    static void checkIdempotencyKey(String key) {
        if (key == null) {
            return;
        }
        String field = "header -> " + IDEMPOTENCY_KEY;
        if (key.isEmpty()) {
            throw new InvalidRequestException(field, "String should have at least 1 character", "string_too_short");
        }
        if (key.length() > 255) {
            throw new InvalidRequestException(field, "String should have at most 255 characters", "string_too_long");
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                throw new InvalidRequestException(field, "Idempotency-Key must be printable ASCII", "value_error");
            }
        }
    }

    @GetMapping
    @Operation(summary = "List bookings (clients: their own)")
    BookingList list(CurrentUser caller,
                     @RequestParam(name = "customer_id", required = false) UUID customerId,
                     @RequestParam(name = "status", required = false) BookingStatus status,
                     @RequestParam(name = "start_date", required = false) String startDate,
                     @RequestParam(name = "end_date", required = false) String endDate,
                     @RequestParam(name = "page", defaultValue = "1") @Min(1) int page,
                     @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit) {
        return queries.list(caller, customerId, status, startDate, endDate, page, limit);
    }

    @AllowedRoles(Role.ADMIN)
    @GetMapping("/admin/stats")
    @Operation(summary = "Booking counts per status and revenue")
    BookingStats stats(@RequestParam(name = "start_date", required = false) LocalDate startDate,
                       @RequestParam(name = "end_date", required = false) LocalDate endDate) {
        return queries.stats(startDate, endDate);
    }

    @GetMapping("/{booking_id}")
    @Operation(summary = "One booking")
    BookingView get(CurrentUser caller, @PathVariable("booking_id") String bookingId) {
        return bookings.get(caller, bookingId);
    }

    @PutMapping("/{booking_id}")
    @Operation(summary = "Update services, time, notes or phone number")
    UpdateBookingResponse update(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                 @Valid @RequestBody(required = false) UpdateBookingRequest request) {
        return bookings.update(caller, bookingId, request == null ? UpdateBookingRequest.EMPTY : request);
    }

    @PostMapping("/{booking_id}/cancel")
    @Operation(summary = "Cancel a pending or confirmed booking; the fee depends on the notice")
    CancelBookingResponse cancel(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                 @Valid @RequestBody(required = false) CancelBookingRequest request) {
        return bookings.cancel(caller, bookingId, request == null ? CancelBookingRequest.EMPTY : request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @PostMapping("/{booking_id}/confirm")
    @Operation(summary = "Confirm a pending booking")
    ConfirmBookingResponse confirm(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                   @Valid @RequestBody(required = false) ConfirmBookingRequest request) {
        return bookings.confirm(caller, bookingId, request == null ? ConfirmBookingRequest.EMPTY : request);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @PostMapping("/{booking_id}/start")
    @Operation(summary = "Start a confirmed booking")
    StartBookingResponse start(CurrentUser caller, @PathVariable("booking_id") String bookingId) {
        return bookings.start(caller, bookingId);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @PostMapping("/{booking_id}/complete")
    @Operation(summary = "Complete an in-progress booking; overtime is charged per minute")
    CompleteBookingResponse complete(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                     @Valid @RequestBody(required = false) CompleteBookingRequest request) {
        return bookings.complete(caller, bookingId, request == null ? CompleteBookingRequest.EMPTY : request);
    }

    @PostMapping("/{booking_id}/reschedule")
    @Operation(summary = "Move a pending or confirmed booking; the resource is allocated again")
    RescheduleBookingResponse reschedule(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                         @Valid @RequestBody RescheduleBookingRequest request) {
        return bookings.reschedule(caller, bookingId, request);
    }

    @PostMapping("/{booking_id}/services")
    @Operation(summary = "Add services to a pending booking")
    AddServicesResponse addServices(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                    @Valid @RequestBody AddServicesRequest request) {
        return bookings.addServices(caller, bookingId, request);
    }

    @DeleteMapping("/{booking_id}/services/{service_id}")
    @Operation(summary = "Remove one service from a pending booking")
    RemoveServiceResponse removeService(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                                        @PathVariable("service_id") String serviceId) {
        return bookings.removeService(caller, bookingId, serviceId);
    }

    @AllowedRoles({Role.ADMIN, Role.MANAGER, Role.WASHER})
    @PostMapping("/{booking_id}/no-show")
    @Operation(summary = "Mark a confirmed booking as a no-show after the grace period")
    NoShowResponse noShow(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                          @Valid @RequestBody(required = false) NoShowRequest request) {
        return bookings.noShow(caller, bookingId, request == null ? NoShowRequest.EMPTY : request);
    }

    @PostMapping("/{booking_id}/rate")
    @Operation(summary = "Rate a completed booking once (owner only)")
    RateBookingResponse rate(CurrentUser caller, @PathVariable("booking_id") String bookingId,
                             @Valid @RequestBody RateBookingRequest request) {
        return bookings.rate(caller, bookingId, request);
    }
}
