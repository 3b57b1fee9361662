package archfixture.vehicles;

import archfixture.platform.PlatformThing;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.CrudRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A future business module that breaks every rule of {@code ArchitectureTests}, outside the application's
 * packages so that nothing scans it: the rules must report each violation.
 */
final class Violations {

    private Violations() {
    }

    @Entity
    public static class Vehicle {
        @Id
        Long id;
    }

    public interface VehicleRepository extends CrudRepository<Vehicle, Long> {
    }

    @RestController
    @Transactional
    public static class VehicleController {

        @Autowired
        VehicleRepository repository;

        @GetMapping("/vehicles")
        @Transactional
        String list() {
            return new PlatformThing().toString();
        }
    }
}
