package org.caseregistry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application against the run's shared PostgreSQL, driven through MockMvc. All classes
 * with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = TestProperties.DATABASE)
@AutoConfigureMockMvc
@Import({TestDatabaseConfiguration.class, MockMvcSessions.class})
public @interface IntegrationTest {}
