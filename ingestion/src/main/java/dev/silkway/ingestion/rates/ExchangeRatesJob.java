package dev.silkway.ingestion.rates;

import dev.silkway.ingestion.config.IngestionProperties;
import dev.silkway.platform.outbound.Answer;
import dev.silkway.platform.outbound.AnswerLimits;
import dev.silkway.platform.outbound.OutboundHttp;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code exchangeRatesJob}: reads the CBR daily file for a date (a bounded call: {@code silkway.ingestion.bounds.answer.*})
 * and stores every rate under the date the file
 * declares (idempotent: a second run of the same day rewrites the same rows).
 */
@Component
public class ExchangeRatesJob {

    static final String JOB = "exchangeRatesJob";
    private static final DateTimeFormatter REQUEST_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcTemplate jdbc;
    private final JobOperator jobs;
    private final Job job;
    private final URI url;
    private final OutboundHttp http = OutboundHttp.create(Duration.ofSeconds(5));
    private final AnswerLimits limits;

    ExchangeRatesJob(
            JdbcTemplate jdbc,
            @Lazy JobOperator jobs,
            JobRepository repository,
            PlatformTransactionManager transactions,
            IngestionProperties properties) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.url = properties.exchangeRatesUrl();
        this.limits = properties.bounds().answer();
        this.job = new JobBuilder(JOB, repository)
                .start(new StepBuilder("fetch-rates", repository)
                        .tasklet(
                                (contribution, chunk) -> {
                                    String date = chunk.getStepContext()
                                            .getStepExecution()
                                            .getJobParameters()
                                            .getString("date");
                                    int stored = fetchAndStore(LocalDate.parse(date));
                                    contribution.incrementWriteCount(stored);
                                    return RepeatStatus.FINISHED;
                                },
                                transactions)
                        .build())
                .build();
    }

    public Optional<JobExecution> runAndWait(String trigger) {
        try {
            return Optional.of(jobs.start(
                    job,
                    new JobParametersBuilder()
                            .addString(
                                    "date",
                                    LocalDate.now(ZoneId.of("Europe/Moscow")).toString())
                            .addString("trigger", trigger)
                            .addLong("requestedAt", System.currentTimeMillis())
                            .toJobParameters()));
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the exchange-rates job", e);
        }
    }

    /** Fetches the file for {@code date} and stores its rates; answers how many rates were stored. */
    public int fetchAndStore(LocalDate date) throws IOException, InterruptedException {
        URI request = URI.create(url + "?date_req=" + REQUEST_DATE.format(date));
        Answer answer = http.send(HttpRequest.newBuilder(request).GET(), limits);
        if (answer.status() != 200) {
            throw new IOException("CBR answered HTTP " + answer.status() + " for " + request);
        }
        return store(CbrRates.parse(answer.body()));
    }

    public int store(CbrRates.Daily daily) {
        int[][] counts = jdbc.batchUpdate(
                """
                INSERT INTO exchange_rates (currency, rate_date, nominal, rate, unit_rate, cbr_id)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (currency, rate_date) DO UPDATE SET nominal = EXCLUDED.nominal, rate = EXCLUDED.rate,
                    unit_rate = EXCLUDED.unit_rate, cbr_id = EXCLUDED.cbr_id, fetched_at = now()
                """,
                daily.rates().stream().filter(r -> !"RUB".equals(r.currency())).toList(),
                100,
                (ps, r) -> {
                    ps.setString(1, r.currency());
                    ps.setObject(2, daily.date());
                    ps.setInt(3, r.nominal());
                    ps.setBigDecimal(4, r.rate());
                    ps.setBigDecimal(5, r.unitRate());
                    ps.setString(6, r.cbrId().isBlank() ? null : r.cbrId());
                });
        int n = 0;
        for (int[] batch : counts) {
            n += batch.length;
        }
        return n;
    }
}
