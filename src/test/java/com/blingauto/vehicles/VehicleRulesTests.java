package com.blingauto.vehicles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import com.blingauto.shared.BusinessRuleViolationException;
import com.blingauto.shared.VehicleSize;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** VEH-4 and VEH-5 on the aggregate, without Spring; the "active bookings" branch is only reachable here until bookings exist. */
class VehicleRulesTests {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    private static Vehicle vehicle(boolean isDefault) {
        return Vehicle.register(UUID.randomUUID(), "Toyota", "Camry", 2022, "Blue", "ABC-1", VehicleSize.STANDARD, isDefault, NOW);
    }

    private static void assertRule(Runnable action, String rule, String message) {
        assertThatThrownBy(action::run).isInstanceOf(BusinessRuleViolationException.class).hasMessage(message)
                .extracting(e -> ((BusinessRuleViolationException) e).details().get("rule")).isEqualTo(rule);
    }

    @Test
    void deletionChecksComeInTheSpecOrder() {
        assertRule(() -> Vehicle.checkDeletable(true, true, true, 3), "RG-VEH-005", "Vehicle is already deleted");
        assertRule(() -> Vehicle.checkDeletable(false, true, true, 3), "RG-VEH-005", "Cannot delete a vehicle with active bookings");
        assertRule(() -> Vehicle.checkDeletable(false, true, false, 0), "RG-VEH-005", "Cannot delete a vehicle with active bookings");
        assertRule(() -> Vehicle.checkDeletable(false, false, true, 1), "RG-VEH-005",
                "Cannot delete the default vehicle while other vehicles exist");
        assertThatNoException().isThrownBy(() -> Vehicle.checkDeletable(false, false, true, 0));
        assertThatNoException().isThrownBy(() -> Vehicle.checkDeletable(false, false, false, 5));
    }

    @Test
    void deletionIsSoftAndClearsTheDefault() {
        Vehicle v = vehicle(true);
        Instant later = NOW.plusSeconds(60);
        v.delete(false, 0, later);
        assertThat(v.isDeleted()).isTrue();
        assertThat(v.deletedAt()).isEqualTo(later);
        assertThat(v.updatedAt()).isEqualTo(later);
        assertThat(v.isDefault()).isFalse();
        assertRule(() -> v.delete(false, 0, later), "RG-VEH-005", "Vehicle is already deleted");
    }

    @Test
    void aVehicleWithActiveBookingsIsKept() {
        Vehicle v = vehicle(false);
        assertRule(() -> v.delete(true, 2, NOW), "RG-VEH-005", "Cannot delete a vehicle with active bookings");
        assertThat(v.isDeleted()).isFalse();
        assertThat(v.deletedAt()).isNull();
    }

    @Test
    void aDeletedVehicleCannotBeUpdatedEvenWithNothingToChange() {
        Vehicle v = vehicle(false);
        v.delete(false, 0, NOW);
        assertRule(() -> v.update("Honda", null, null, null, null, null, NOW), "RG-VEH-005", "Cannot update a deleted vehicle");
        assertRule(() -> v.update(null, null, null, null, null, null, NOW), "RG-VEH-005", "Cannot update a deleted vehicle");
        assertThat(v.make()).isEqualTo("Toyota");
    }

    @Test
    void updateChangesOnlyTheGivenFieldsAndAnEmptyUpdateTouchesNothing() {
        Vehicle v = vehicle(false);
        v.update(null, null, null, null, null, null, NOW.plusSeconds(5));
        assertThat(v.updatedAt()).isEqualTo(NOW);
        v.update(null, "Corolla", 2020, null, null, VehicleSize.LARGE, NOW.plusSeconds(9));
        assertThat(v.make()).isEqualTo("Toyota");
        assertThat(v.model()).isEqualTo("Corolla");
        assertThat(v.year()).isEqualTo(2020);
        assertThat(v.color()).isEqualTo("Blue");
        assertThat(v.licensePlate()).isEqualTo("ABC-1");
        assertThat(v.vehicleSize()).isEqualTo(VehicleSize.LARGE);
        assertThat(v.displayName()).isEqualTo("2020 Toyota Corolla");
        assertThat(v.updatedAt()).isEqualTo(NOW.plusSeconds(9));
    }

    @Test
    void setDefaultChecksOwnershipThenDeletionThenWhetherAnythingChanges() {
        assertRule(() -> Vehicle.checkCanBecomeDefault(false, true, false), "RG-VEH-004", "Vehicle does not belong to this customer");
        assertRule(() -> Vehicle.checkCanBecomeDefault(true, true, false), "RG-VEH-004", "Cannot set a deleted vehicle as default");
        assertThat(Vehicle.checkCanBecomeDefault(true, false, true)).isFalse();
        assertThat(Vehicle.checkCanBecomeDefault(true, false, false)).isTrue();
    }

    @Test
    void theYearLimitIsTheCurrentUtcYearPlusTwo() {
        Clock lastSecondOf2026 = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.ofHours(5));
        assertThat(YearsAhead.Validator.maxYear(lastSecondOf2026, 2)).isEqualTo(2028);
        assertThat(YearsAhead.Validator.maxYear(Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC), 2)).isEqualTo(2029);
    }

    @Test
    void sizesAreOrderedCompactStandardLargeOversized() {
        assertThat(VehicleSize.values()).containsExactly(VehicleSize.COMPACT, VehicleSize.STANDARD, VehicleSize.LARGE, VehicleSize.OVERSIZED);
        assertThat(VehicleSize.LARGE.fitsIn(VehicleSize.OVERSIZED)).isTrue();
        assertThat(VehicleSize.LARGE.fitsIn(VehicleSize.LARGE)).isTrue();
        assertThat(VehicleSize.LARGE.fitsIn(VehicleSize.STANDARD)).isFalse();
        assertThat(VehicleSize.parse(" LARGE ")).contains(VehicleSize.LARGE);
    }
}
