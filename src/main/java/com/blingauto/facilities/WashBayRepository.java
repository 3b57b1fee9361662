package com.blingauto.facilities;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WashBayRepository extends JpaRepository<WashBay, UUID> {

    @Query(value = "SELECT * FROM wash_bays WHERE deleted_at IS NULL OR :withDeleted ORDER BY lower(bay_number), id", nativeQuery = true)
    List<WashBay> list(@Param("withDeleted") boolean withDeleted);

    @Query(value = "SELECT * FROM wash_bays WHERE id = :id AND deleted_at IS NULL", nativeQuery = true)
    Optional<WashBay> findLive(@Param("id") UUID id);

    @Query(value = "SELECT count(*) > 0 FROM wash_bays WHERE lower(bay_number) = lower(:number) AND deleted_at IS NULL AND id <> :except", nativeQuery = true)
    boolean numberTaken(@Param("number") String number, @Param("except") UUID except);
}
