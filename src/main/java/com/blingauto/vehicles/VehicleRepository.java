package com.blingauto.vehicles;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface VehicleRepository extends JpaRepository<Vehicle, UUID> {

    /**
     * Serialises every change to one customer's vehicles until the transaction ends, so that two requests
     * cannot both see "no default yet" or "plate free" (VEH-2, VEH-3); the partial unique indexes stay the
     * last line of defence. Two-key form: its key space does not overlap the single-key one.
     */
    @Query(value = "SELECT 1 FROM pg_advisory_xact_lock(hashtext('vehicles'), hashtext(CAST(:customerId AS text)))",
            nativeQuery = true)
    Integer lockCustomer(@Param("customerId") UUID customerId);

    /** The row, locked until the transaction ends ({@code FOR UPDATE}): changes and deletions. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT v FROM Vehicle v WHERE v.id = :id")
    Optional<Vehicle> findForUpdate(@Param("id") UUID id);

    /** The row, share-locked until the transaction ends ({@code FOR SHARE}): a booking being created for it. */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("SELECT v FROM Vehicle v WHERE v.id = :id")
    Optional<Vehicle> findForShare(@Param("id") UUID id);

    @Query(value = "SELECT customer_id FROM vehicles WHERE id = :id", nativeQuery = true)
    Optional<UUID> findCustomerId(@Param("id") UUID id);

    /** E1 order: the default first, then created_at, then id (CNV-35). */
    @Query(value = """
            SELECT v FROM Vehicle v WHERE v.customerId = :customerId AND v.isDeleted = false
             ORDER BY v.isDefault DESC, v.createdAt ASC, v.id ASC""",
            countQuery = "SELECT count(v) FROM Vehicle v WHERE v.customerId = :customerId AND v.isDeleted = false")
    Page<Vehicle> listActive(@Param("customerId") UUID customerId, Pageable page);

    @Query("SELECT count(v) FROM Vehicle v WHERE v.customerId = :customerId AND v.isDeleted = false")
    long countActive(@Param("customerId") UUID customerId);

    @Query("SELECT v FROM Vehicle v WHERE v.customerId = :customerId AND v.isDefault = true AND v.isDeleted = false")
    Optional<Vehicle> findDefault(@Param("customerId") UUID customerId);

    @Query("""
            SELECT count(v) > 0 FROM Vehicle v
             WHERE v.customerId = :customerId AND v.licensePlate = :plate AND v.isDeleted = false AND v.id <> :exceptId""")
    boolean plateTaken(@Param("customerId") UUID customerId, @Param("plate") String plate, @Param("exceptId") UUID exceptId);
}
