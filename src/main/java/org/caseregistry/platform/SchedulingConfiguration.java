package org.caseregistry.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled housekeeping (expired import uploads; Spring Session removes expired sessions on its
 * own). Each task is written so that every instance may run it at once: no JVM-local state, no
 * leader needed.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {}
