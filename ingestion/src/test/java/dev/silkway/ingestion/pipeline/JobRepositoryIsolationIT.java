package dev.silkway.ingestion.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.Services;
import dev.silkway.testsupport.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JdbcJobRepositoryFactoryBean;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.annotation.Isolation;

/**
 * The job repository as ingestion configures it (application.yml's {@code isolation-level-for-create}) on the real
 * PostgreSQL: eight runs creating their steps at the same time, as resumes after a crash do, never fail each other
 * with a serialization failure or deadlock. With Batch's default SERIALIZABLE some of these creations failed at
 * commit (checked once by hand: the test is red with {@code serializable} in application.yml).
 */
class JobRepositoryIsolationIT {

    static final int RUNS = 8;
    static final int STEPS = 150;

    @Test
    void runsCreatingTheirStepsAtTheSameMomentNeverFailEachOther() throws Exception {
        JobRepository repository = repository(configuredIsolation());
        List<JobExecution> executions = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            var parameters =
                    new JobParametersBuilder().addLong("runId", (long) i).toJobParameters();
            var instance = repository.createJobInstance(MarketplaceIngestJobConfiguration.JOB, parameters);
            executions.add(repository.createJobExecution(instance, parameters, new ExecutionContext()));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(RUNS)) {
            List<Future<?>> created = new ArrayList<>();
            for (JobExecution execution : executions) {
                created.add(threads.submit(() -> {
                    start.await();
                    for (int step = 0; step < STEPS; step++) {
                        try {
                            repository.createStepExecution("step-" + step, execution);
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : created) {
                f.get();
            }
        }

        assertThat(failures).as("step creations that failed each other").isEmpty();
    }

    static Isolation configuredIsolation() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String level =
                Objects.requireNonNull(yaml.getObject()).getProperty("spring.batch.jdbc.isolation-level-for-create");
        return Isolation.valueOf(Objects.requireNonNull(level).replace('-', '_').toUpperCase(Locale.ROOT));
    }

    private static JobRepository repository(Isolation isolation) throws Exception {
        var dataSource = new DriverManagerDataSource(
                TestDatabases.jdbcUrl(TestDatabases.fresh("ingestion-batch-isolation")),
                Services.postgres().user(),
                Services.postgres().password());
        var factory = new JdbcJobRepositoryFactoryBean();
        factory.setDataSource(dataSource);
        factory.setTransactionManager(new DataSourceTransactionManager(dataSource));
        factory.setIsolationLevelForCreateEnum(isolation);
        factory.afterPropertiesSet();
        return factory.getObject();
    }
}
