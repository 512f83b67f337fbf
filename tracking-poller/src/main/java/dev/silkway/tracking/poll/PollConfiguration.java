package dev.silkway.tracking.poll;

import dev.silkway.platform.pacing.Sleeper;
import dev.silkway.tracking.carrier.CarrierApi;
import dev.silkway.tracking.shipment.ShipmentTracking;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PollProperties.class)
@ConditionalOnProperty(name = "silkway.tracking.poll.enabled", matchIfMissing = true)
class PollConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PollConfiguration.class);

    @Bean
    CarrierApis carrierApis(Map<String, CarrierApi> apis, ConfigurableListableBeanFactory beans) {
        Set<CarrierApi> primary = new HashSet<>();
        apis.forEach((name, api) -> {
            if (beans.containsBeanDefinition(name)
                    && beans.getBeanDefinition(name).isPrimary()) {
                primary.add(api);
            }
        });
        return new CarrierApis(List.copyOf(apis.values()), primary::contains);
    }

    @Bean
    CallSlots callSlots(JdbcClient jdbc, PollProperties properties) {
        return new CallSlots(jdbc, Clock.systemUTC(), Sleeper.SYSTEM, properties.sendWithin());
    }

    @Bean
    PollRuns pollRuns(JdbcClient jdbc) {
        return new PollRuns(
                jdbc,
                ManagementFactory.getRuntimeMXBean().getName() + "/"
                        + java.util.UUID.randomUUID().toString().substring(0, 8));
    }

    @Bean
    PollCalls pollCalls() {
        return new PollCalls(Executors.newVirtualThreadPerTaskExecutor());
    }

    @Bean
    PollCycle pollCycle(
            CarrierApis apis,
            CallSlots slots,
            JdbcClient jdbc,
            ShipmentTracking tracking,
            PollRuns runs,
            PollProperties properties,
            PollCalls calls) {
        return new PollCycle(
                apis,
                slots,
                new DueLegs(jdbc),
                tracking,
                new PollSchedule(properties.schedule()),
                runs,
                properties,
                Clock.systemUTC(),
                calls.executor());
    }

    @Bean
    PollRoutes pollRoutes(CarrierApis apis, PollCycle cycle, CallSlots slots, PollRuns runs) {
        return new PollRoutes(apis, cycle, slots, runs);
    }

    @Bean
    JobSettings jobSettings(JdbcClient jdbc, PlatformTransactionManager transactions, PollRuns runs) {
        return new JobSettings(jdbc, new TransactionTemplate(transactions), new DueLegs(jdbc), runs, Clock.systemUTC());
    }

    @Bean
    PollTriggers pollTriggers(Scheduler scheduler, CarrierApis apis, PollProperties properties, JobSettings settings) {
        return new PollTriggers(scheduler, apis, properties, settings);
    }

    @Bean
    JobSettingsRoute jobSettingsRoute(
            JobSettings settings, PollTriggers triggers, PollCycle cycle, CarrierApis apis, PollProperties properties) {
        return new JobSettingsRoute(settings, triggers, cycle, apis, properties);
    }

    @Bean
    DisposableBean releaseClaimsOnShutdown(PollCycle cycle, PollCalls calls, JdbcClient jdbc) {
        return () -> {
            List<java.util.UUID> open = cycle.openClaims();
            calls.executor().shutdownNow();
            int released = new DueLegs(jdbc).release(open);
            if (released > 0) {
                log.info("Released {} claimed legs at shutdown", released);
            }
        };
    }

    /** The virtual threads the carrier calls run on. */
    record PollCalls(ExecutorService executor) {}
}
