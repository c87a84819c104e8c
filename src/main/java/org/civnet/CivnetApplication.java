package org.civnet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CivnetApplication {

    public static void main(String[] args) {
        SpringApplication.run(CivnetApplication.class, args);
    }
}
