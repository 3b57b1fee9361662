package com.blingauto.catalog;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CategoryRepository extends JpaRepository<Category, UUID> {

    @Query(value = "SELECT EXISTS (SELECT 1 FROM categories WHERE status = 'ACTIVE' AND lower(name) = lower(:name))", nativeQuery = true)
    boolean activeNameExists(@Param("name") String name);

    /** SVC-6: the category row is the lock under which the popular limit is checked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT c FROM Category c WHERE c.id = :id")
    Optional<Category> lockById(@Param("id") UUID id);
}
