package com.blingauto.facilities;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface MobileTeamRepository extends JpaRepository<MobileTeam, UUID> {

    @Query(value = "SELECT * FROM mobile_teams WHERE deleted_at IS NULL OR :withDeleted ORDER BY lower(team_name), id", nativeQuery = true)
    List<MobileTeam> list(@Param("withDeleted") boolean withDeleted);

    @Query(value = "SELECT * FROM mobile_teams WHERE id = :id AND deleted_at IS NULL", nativeQuery = true)
    Optional<MobileTeam> findLive(@Param("id") UUID id);

    @Query(value = "SELECT count(*) > 0 FROM mobile_teams WHERE lower(team_name) = lower(:name) AND deleted_at IS NULL AND id <> :except", nativeQuery = true)
    boolean nameTaken(@Param("name") String name, @Param("except") UUID except);
}
