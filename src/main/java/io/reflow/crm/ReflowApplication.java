package io.reflow.crm;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Reflow CRM: sales, marketing and customer-service processes run as BPMN and DMN models
 * on an embedded Camunda 7 engine.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReflowApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReflowApplication.class, args);
	}

}
