package org.glancejee.web.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * WildFly only: its MicroProfile Health looks checks up from a bean archive of its own that sees the EAR's
 * top level (lib/) but no module of it, so the checks of this web module never reach /health. Each one is
 * published again as a bean whose class is {@link HealthCheck}: WildFly puts such a bean in the bean archive of
 * the MicroProfile Health API module, which its health extension sees. The published bean hands out the web
 * module's own check. Elsewhere (Payara) the server sees the checks themselves, so nothing is published.
 */
public class HealthChecksInEar implements Extension {

    private final boolean wildFly = System.getProperty("jboss.home.dir") != null;
    private final List<Bean<?>> checks = new ArrayList<>();

    void found(@Observes ProcessBean<?> event) {
        Bean<?> bean = event.getBean();
        if (wildFly && !(bean instanceof Published) && bean.getTypes().contains(HealthCheck.class)
                && bean.getQualifiers().stream().anyMatch(
                        q -> q instanceof Readiness || q instanceof Liveness || q instanceof Startup)) {
            checks.add(bean);
        }
    }

    void publish(@Observes AfterBeanDiscovery event, BeanManager manager) {
        checks.forEach(check -> event.addBean(new Published(check, manager)));
        checks.clear();
    }

    private record Published(Bean<?> check, BeanManager manager) implements Bean<HealthCheck> {
        @Override
        public Class<?> getBeanClass() {
            return HealthCheck.class;
        }

        @Override
        public HealthCheck create(CreationalContext<HealthCheck> context) {
            return (HealthCheck) manager.getReference(check, HealthCheck.class, context);
        }

        @Override
        public void destroy(HealthCheck instance, CreationalContext<HealthCheck> context) {
            context.release();
        }

        @Override
        public Set<Type> getTypes() {
            return Set.of(HealthCheck.class, Object.class);
        }

        @Override
        public Set<Annotation> getQualifiers() {
            return check.getQualifiers();
        }

        @Override
        public Class<? extends Annotation> getScope() {
            return Dependent.class;
        }

        @Override
        public Set<InjectionPoint> getInjectionPoints() {
            return Set.of();
        }

        @Override
        public String getName() {
            return null;
        }

        @Override
        public Set<Class<? extends Annotation>> getStereotypes() {
            return Set.of();
        }

        @Override
        public boolean isAlternative() {
            return false;
        }
    }
}
