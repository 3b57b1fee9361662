package com.blingauto.bookings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.blingauto.bookings.Collaborators.Placement;
import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.ConflictException;
import com.blingauto.shared.CurrentUser;
import com.blingauto.shared.ForbiddenException;
import com.blingauto.shared.NotFoundException;
import com.blingauto.shared.Role;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * BOK-6, BOK-7, BOK-17 and BOK-25 in {@link BookingService#create} without Spring: what each allocation outcome
 * and each refusal of the collaborators becomes, checked before anything would be written.
 */
class BookingAllocationOutcomeTests {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final CurrentUser CALLER = new CurrentUser(CUSTOMER, "c@example.com", Role.CLIENT, "jti", Instant.MAX);
    private static final UUID VEHICLE = UUID.randomUUID();
    private static final UUID SERVICE = UUID.randomUUID();
    private static final Instant AT = Bookings.NOW.plus(Duration.ofDays(2));

    private Placement placement = new Placement.NoCandidate();
    private boolean open = true;
    private boolean bookable = true;

    private BookingService service() {
        Collaborators.Vehicles vehicles = new Collaborators.Vehicles() {
            @Override
            public Optional<Collaborators.VehicleFacts> find(UUID id) {
                return lockForBooking(id);
            }

            @Override
            public Optional<Collaborators.VehicleFacts> lockForBooking(UUID id) {
                return id.equals(VEHICLE) ? Optional.of(new Collaborators.VehicleFacts(VEHICLE, CUSTOMER, "oversized")) : Optional.empty();
            }
        };
        Collaborators.Catalogue catalogue = (Collection<UUID> ids) -> ids.contains(SERVICE)
                ? List.of(new Collaborators.ServiceFacts(SERVICE, "Deluxe", new BigDecimal("50.00"), 60, bookable)) : List.of();
        Collaborators.Capacity capacity = new Collaborators.Capacity() {
            @Override
            public boolean withinOpeningHours(Instant start, Instant end) {
                return open;
            }

            @Override
            public Placement washBay(UUID b, UUID c, UUID by, String size, Instant start, int minutes) {
                return placement;
            }

            @Override
            public Placement mobileTeam(UUID b, UUID c, UUID by, BigDecimal lat, BigDecimal lng, Instant start, int minutes) {
                return placement;
            }

            @Override
            public void release(UUID bookingId) {
            }
        };
        return new BookingService(null, null, null, (id, jti) -> null, vehicles, catalogue, capacity, null, Bookings.clock());
    }

    private static BookingsApi.CreateBookingRequest request(UUID customer, UUID vehicle, UUID service, BookingType type) {
        BookingsApi.LocationInput at = type == BookingType.MOBILE ? new BookingsApi.LocationInput(BigDecimal.ONE, BigDecimal.TEN) : null;
        return new BookingsApi.CreateBookingRequest(customer, vehicle, List.of(service), AT, type, at, null, null);
    }

    @Test
    void noBayForTheSizeIsABusinessRule() {
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.STATIONARY), null))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessage("No wash bay can accommodate a oversized vehicle")
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).details()).containsEntry("rule", "RG-BOK-006"));
    }

    @Test
    void noTeamForTheLocationIsABusinessRule() {
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.MOBILE), null))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessage("No mobile team serves this location")
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).details()).containsEntry("rule", "RG-BOK-007"));
    }

    @Test
    void nothingFreeIsAConflictWithAlternatives() {
        List<Map<String, Object>> alternatives = List.of(Map.of("suggested_time", "later"));
        placement = new Placement.NoneFree(alternatives);
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.STATIONARY), null))
                .isInstanceOf(ConflictException.class).hasMessage("No available wash bay for oversized vehicle at " + AT)
                .satisfies(e -> assertThat(((ConflictException) e).details()).containsEntry("alternatives", alternatives));
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.MOBILE), null))
                .isInstanceOf(ConflictException.class).hasMessage("No available mobile team at " + AT);
    }

    @Test
    void checksComeInTheOrderOfBok25() {
        UUID other = UUID.randomUUID();
        assertThatThrownBy(() -> service().create(CALLER, request(other, UUID.randomUUID(), UUID.randomUUID(), BookingType.STATIONARY), null))
                .isInstanceOf(ForbiddenException.class).hasMessage("You can only create bookings for yourself");
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, UUID.randomUUID(), UUID.randomUUID(), BookingType.STATIONARY), null))
                .isInstanceOf(NotFoundException.class).hasMessage("Vehicle not found");
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, unknown, BookingType.STATIONARY), null))
                .isInstanceOf(NotFoundException.class).hasMessage("Service " + unknown + " not found");
        bookable = false;
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.STATIONARY), null))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessage("Service 'Deluxe' is not available for booking");
        bookable = true;
        open = false;
        assertThatThrownBy(() -> service().create(CALLER, request(CUSTOMER, VEHICLE, SERVICE, BookingType.STATIONARY), null))
                .isInstanceOf(BusinessRuleViolationException.class).hasMessage("Requested time is outside business hours")
                .satisfies(e -> assertThat(((BusinessRuleViolationException) e).details()).containsEntry("rule", "RG-BOK-017"));
    }
}
