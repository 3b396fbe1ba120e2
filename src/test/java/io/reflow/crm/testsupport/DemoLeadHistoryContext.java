package io.reflow.crm.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo on a fresh database with lead-qualification's as-is version deployed first and
 * its 90 days of simulated history generated ({@code sales.DemoLeadHistory}, about 40 s).
 * Every test class with this annotation shares one Spring context, so the history is
 * generated once per test run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "reflow.demo.seed-lab-history=true", "reflow.models.deploy-earlier-versions=true" })
@ActiveProfiles({ "demo", "test" })
public @interface DemoLeadHistoryContext {

}
