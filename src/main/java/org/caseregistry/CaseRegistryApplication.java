package org.caseregistry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseRegistryApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseRegistryApplication.class, args);
  }
}
