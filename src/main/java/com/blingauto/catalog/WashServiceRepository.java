package com.blingauto.catalog;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WashServiceRepository extends JpaRepository<WashService, UUID> {

    @Query(value = """
            SELECT EXISTS (SELECT 1 FROM services
                            WHERE category_id = :categoryId AND status <> 'ARCHIVED' AND lower(name) = lower(:name))""",
            nativeQuery = true)
    boolean nameTakenInCategory(@Param("categoryId") UUID categoryId, @Param("name") String name);

    @Query(value = "SELECT count(*) FROM services WHERE category_id = :categoryId AND is_popular AND status = 'ACTIVE' AND id <> :except",
            nativeQuery = true)
    int countPopularExcept(@Param("categoryId") UUID categoryId, @Param("except") UUID except);

    @Query(value = "SELECT count(*) FROM services WHERE category_id = :categoryId AND is_popular AND status = 'ACTIVE'",
            nativeQuery = true)
    int countPopular(@Param("categoryId") UUID categoryId);
}
