package com.blingauto;

import com.blingauto.platform.db.DatabaseCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class BlingAutoApplication {

    public static void main(String[] args) {
        if (DatabaseCommand.isRequested(args)) {
            System.exit(DatabaseCommand.run(args));
        }
        SpringApplication.run(BlingAutoApplication.class, args);
    }
}
