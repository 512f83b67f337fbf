package dev.silkway.ingestion.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.silkway.testsupport.OpenApiDocument;
import dev.silkway.testsupport.ServiceProperties;
import dev.silkway.testsupport.StaffTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpsApiIT {

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        ServiceProperties.postgres(registry, "ingestion-ops");
        ServiceProperties.kafka(registry);
        registry.add("silkway.ingestion.ingest-on-startup", () -> "false");
        StaffTokens.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    private String operator() {
        return StaffTokens.forNewAccount(database, "OPERATOR");
    }

    private String admin() {
        return StaffTokens.forNewAccount(database, "ADMIN");
    }

    private String shopper() {
        return StaffTokens.forNewAccount(database, "SHOPPER");
    }

    @Test
    void servesItsOpenApiDocumentWithTheBearerSchemeOnEveryOpsOperation() {
        var docs = OpenApiDocument.saveAndCheck(port, "ingestion");

        assertThat(docs.read("$.paths['/api/v1/ops/jobs'].get.security[0]", java.util.Map.class))
                .containsKey("bearer");
    }

    @Test
    void refusesTheOpsApiWithoutAToken() throws Exception {
        HttpResponse<String> refused = call("GET", "/api/v1/ops/jobs", null, null);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesTheTokenOfABlockedOperatorAtOnce() throws Exception {
        UUID blocked = StaffTokens.createAccount(database, "OPERATOR");
        String token = StaffTokens.token(blocked, "OPERATOR");
        assertThat(call("GET", "/api/v1/ops/jobs", null, token).statusCode()).isEqualTo(200);

        JdbcClient.create(database)
                .sql("UPDATE users SET status = 'BLOCKED', blocked_at = now(), blocked_reason = 'left' WHERE id = ?")
                .param(blocked)
                .update();

        assertThat(call("GET", "/api/v1/ops/jobs", null, token).statusCode()).isEqualTo(401);
    }

    @Test
    void refusesAShoppersTokenWith403() throws Exception {
        assertThat(call("GET", "/api/v1/ops/jobs", null, shopper()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesAForgedToken() throws Exception {
        String admin = admin();
        String forged = admin.substring(0, admin.lastIndexOf('.') + 1) + "AAAA";

        assertThat(call("GET", "/api/v1/ops/jobs", null, forged).statusCode()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminDeclaresOrChangesAMarketplace() throws Exception {
        assertThat(call("POST", "/api/v1/ops/marketplaces", "{}", operator()).statusCode())
                .isEqualTo(403);
        assertThat(call("PATCH", "/api/v1/ops/marketplaces/jd", "{\"enabled\":true}", operator())
                        .statusCode())
                .isEqualTo(403);
        assertThat(call("POST", "/api/v1/ops/marketplaces", "{}", admin()).statusCode())
                .isEqualTo(400);
    }

    @Test
    void listsEveryScheduledJobWithItsCronAndNextFireTime() throws Exception {
        HttpResponse<String> jobs = call("GET", "/api/v1/ops/jobs", null, operator());

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body())
                .contains("\"name\":\"ingest-taobao\"", "\"cron\":\"0 0 * * * ?\"", "\"name\":\"exchange-rates\"")
                .contains("\"nextFireTime\":\"");
    }

    @Test
    void listsTheTrackingPollersCarrierJobsWithTheirLastRun() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database);
        declareCarrierTrigger("17track");
        jdbc.sql("""
                INSERT INTO carrier_poll_runs (api, instance, started_at, finished_at, calls, numbers, events, failures)
                VALUES ('17track', 'poller-1', now() - interval '2 seconds', now() - interval '1 second', 3, 120, 40, 1)
                """).update();

        HttpResponse<String> jobs = call("GET", "/api/v1/ops/jobs", null, operator());

        assertThat(jobs.statusCode()).isEqualTo(200);
        assertThat(jobs.body())
                .contains("\"name\":\"tracking-poll-17track\"")
                .contains("\"cron\":\"0/1 * * * * ?\"")
                .contains("1 of 3 calls failed; 120 numbers polled, 40 new events");
    }

    @Test
    void listsACarrierJobOnTheCronItRunsOn() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                    is_nonconcurrent, is_update_data, requests_recovery)
                VALUES ('silkway-tracking', 'poll-cdek-v2', 'tracking', 'dev.silkway.tracking.poll.PollJob', true, false, false, false)
                """).update();
        jdbc.sql("""
                INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,
                    trigger_state, trigger_type, start_time)
                VALUES ('silkway-tracking', 'poll-cdek-v2', 'tracking', 'poll-cdek-v2', 'tracking',
                    (extract(epoch FROM now()) * 1000)::bigint + 60000, 'WAITING', 'CRON', 0)
                """).update();
        jdbc.sql("""
                INSERT INTO qrtz_cron_triggers (sched_name, trigger_name, trigger_group, cron_expression, time_zone_id)
                VALUES ('silkway-tracking', 'poll-cdek-v2', 'tracking', '0 0/2 * * * ?', 'UTC')
                """).update();

        java.util.List<String> crons = com.jayway.jsonpath.JsonPath.read(
                call("GET", "/api/v1/ops/jobs", null, operator()).body(),
                "$[?(@.name == 'tracking-poll-cdek-v2')].cron");
        assertThat(crons).containsExactly("0 0/2 * * * ?");
    }

    @Test
    void anAdminReschedulesACarrierJobForTheTrackingPollerToApply() throws Exception {
        declareCarrierTrigger("sf-express");

        HttpResponse<String> changed = call(
                "PUT", "/api/v1/ops/jobs/tracking-poll-sf-express/schedule", "{\"cron\":\"0 0/5 * * * ?\"}", admin());

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body())
                .contains("\"name\":\"tracking-poll-sf-express\"", "\"cron\":\"0 0/5 * * * ?\"")
                .contains("\"nextFireTime\":\"");
        assertThat(JdbcClient.create(database)
                        .sql(
                                "SELECT cron || ' by ' || (updated_by IS NOT NULL) FROM carrier_job_settings WHERE api = 'sf-express'")
                        .query(String.class)
                        .single())
                .isEqualTo("0 0/5 * * * ? by true");
        assertThat(call(
                                "PUT",
                                "/api/v1/ops/jobs/tracking-poll-sf-express/schedule",
                                "{\"cron\":\"0 0/5 * * * ?\"}",
                                operator())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void runningACarrierJobAnswersThePollRunTheTrackingPollerStartedForItAsAnExecution() throws Exception {
        declareCarrierTrigger("russian-post");
        JdbcClient jdbc = JdbcClient.create(database);
        // The tracking poller's side of the hand-over, as its JobSettings takes a request: a run started for it.
        var poller = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long request = org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(
                            () -> jdbc.sql("SELECT id FROM carrier_job_run_requests WHERE api = 'russian-post'"
                                            + " AND taken_at IS NULL ORDER BY id DESC LIMIT 1")
                                    .query(Long.class)
                                    .optional()
                                    .orElse(null),
                            java.util.Objects::nonNull);
            long run = jdbc.sql("INSERT INTO carrier_poll_runs (api, instance, started_at) VALUES ('russian-post',"
                            + " 'poller-1', now()) RETURNING id")
                    .query(Long.class)
                    .single();
            jdbc.sql("UPDATE carrier_job_run_requests SET taken_at = now(), poll_run_id = ? WHERE id = ?")
                    .params(run, request)
                    .update();
            return run;
        });

        HttpResponse<String> started =
                call("POST", "/api/v1/ops/jobs/tracking-poll-russian-post/runs", null, operator());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.body()).isEqualTo("{\"executionId\":" + poller.get() + "}");

        // the execution it names is read like a feed's: the run, its one step, listed under its job
        long run = poller.get();
        jdbc.sql("UPDATE carrier_poll_runs SET finished_at = now(), calls = 7, numbers = 6, events = 11, failures = 1"
                        + " WHERE id = ?")
                .params(run)
                .update();
        HttpResponse<String> execution = call("GET", "/api/v1/ops/executions/" + run, null, operator());
        assertThat(execution.statusCode()).as(execution.body()).isEqualTo(200);
        assertThat(execution.body())
                .contains("\"job\":\"tracking-poll-russian-post\"", "\"status\":\"COMPLETED\"")
                .contains("\"error\":\"1 of 7 calls failed\"")
                .contains("\"name\":\"poll\"", "\"readCount\":6", "\"writeCount\":11", "\"skipCount\":1");
        java.util.List<Integer> listed = com.jayway.jsonpath.JsonPath.read(
                call("GET", "/api/v1/ops/executions?job=tracking-poll-russian-post", null, operator())
                        .body(),
                "$.items[*].id");
        assertThat(listed).contains((int) run);
        assertThat(call("POST", "/api/v1/ops/executions/" + run + "/restart", null, operator())
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void answers404ForAnUnknownCarrierJobAnd400ForABadCron() throws Exception {
        assertThat(call("PUT", "/api/v1/ops/jobs/tracking-poll-nope/schedule", "{\"cron\":\"0 0 * * * ?\"}", admin())
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("POST", "/api/v1/ops/jobs/tracking-poll-nope/runs", null, operator())
                        .statusCode())
                .isEqualTo(404);
        declareCarrierTrigger("17track");
        HttpResponse<String> refused =
                call("PUT", "/api/v1/ops/jobs/tracking-poll-17track/schedule", "{\"cron\":\"every second\"}", admin());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"errors\":[{\"field\":\"cron\"");
    }

    /** The trigger the tracking poller declares for a carrier API (every second), as it stores it. */
    private void declareCarrierTrigger(String api) {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("""
                INSERT INTO qrtz_job_details (sched_name, job_name, job_group, job_class_name, is_durable,
                    is_nonconcurrent, is_update_data, requests_recovery)
                VALUES ('silkway-tracking', 'poll-' || ?, 'tracking', 'dev.silkway.tracking.poll.PollJob', true, false, false, false)
                ON CONFLICT DO NOTHING
                """).params(api).update();
        jdbc.sql("""
                INSERT INTO qrtz_triggers (sched_name, trigger_name, trigger_group, job_name, job_group, next_fire_time,
                    trigger_state, trigger_type, start_time)
                VALUES ('silkway-tracking', 'poll-' || ?, 'tracking', 'poll-' || ?, 'tracking',
                    (extract(epoch FROM now()) * 1000)::bigint + 1000, 'WAITING', 'SIMPLE', 0)
                ON CONFLICT DO NOTHING
                """).params(api, api).update();
        jdbc.sql("""
                INSERT INTO qrtz_simple_triggers (sched_name, trigger_name, trigger_group, repeat_count, repeat_interval,
                    times_triggered)
                VALUES ('silkway-tracking', 'poll-' || ?, 'tracking', -1, 1000, 5)
                ON CONFLICT DO NOTHING
                """).params(api).update();
    }

    @Test
    void anAdminReschedulesAJobAtOnce() throws Exception {
        HttpResponse<String> changed =
                call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{\"cron\":\"0 5 3 * * ?\"}", admin());

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"cron\":\"0 5 3 * * ?\"");
        assertThat(call("GET", "/api/v1/ops/marketplaces", null, operator()).body())
                .contains("\"schedule\":\"0 5 3 * * ?\"");
    }

    @Test
    void anOperatorMayNotRescheduleAJob() throws Exception {
        assertThat(call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{\"cron\":\"0 5 3 * * ?\"}", operator())
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void refusesToRunADisabledFeedWith409() throws Exception {
        JdbcClient.create(database)
                .sql("UPDATE marketplaces SET enabled = false WHERE code = 'pinduoduo'")
                .update();

        HttpResponse<String> refused = call("POST", "/api/v1/ops/jobs/ingest-pinduoduo/runs", null, admin());

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("disabled");
    }

    @Test
    void refusesToRestartAFailedExecutionOfADisabledFeedWith409() throws Exception {
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("UPDATE marketplaces SET enabled = false WHERE code = '1688'").update();
        jdbc.sql("INSERT INTO batch_job_instance (job_instance_id, version, job_name, job_key)"
                        + " VALUES (987001, 0, 'marketplaceIngestJob', 'ops-api-it-disabled')")
                .update();
        jdbc.sql(
                        "INSERT INTO batch_job_execution (job_execution_id, version, job_instance_id, create_time, start_time,"
                                + " end_time, status, exit_code) VALUES (987001, 1, 987001, now(), now(), now(), 'FAILED', 'FAILED')")
                .update();
        jdbc.sql("INSERT INTO batch_job_execution_params (job_execution_id, parameter_name, parameter_type,"
                        + " parameter_value, identifying) VALUES (987001, 'feed', 'java.lang.String', '1688', 'Y')")
                .update();

        HttpResponse<String> refused = call("POST", "/api/v1/ops/executions/987001/restart", null, operator());

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("1688 is disabled");
    }

    @Test
    void aUserMadeOperatorWatchesAndRestartsJobsAndLosesTheRoleAtOnce() throws Exception {
        UUID user = StaffTokens.createAccount(database, "SHOPPER");
        assertThat(call("GET", "/api/v1/ops/executions", null, StaffTokens.token(user, "SHOPPER"))
                        .statusCode())
                .isEqualTo(403);
        JdbcClient roles = JdbcClient.create(database);
        roles.sql("INSERT INTO user_roles (user_id, role_code) VALUES (?, 'OPERATOR')")
                .param(user)
                .update();
        String operator = StaffTokens.token(user, "OPERATOR", "SHOPPER");

        assertThat(call("GET", "/api/v1/ops/jobs", null, operator).statusCode()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/ops/executions", null, operator).statusCode())
                .isEqualTo(200);
        assertThat(call("POST", "/api/v1/ops/executions/999999/restart", null, operator)
                        .statusCode())
                .as("past the role check: the execution does not exist")
                .isEqualTo(404);

        roles.sql("DELETE FROM user_roles WHERE user_id = ? AND role_code = 'OPERATOR'")
                .param(user)
                .update();

        assertThat(call("GET", "/api/v1/ops/jobs", null, operator).statusCode()).isEqualTo(401);
        assertThat(call("POST", "/api/v1/ops/executions/999999/restart", null, operator)
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/v1/ops/jobs", null, StaffTokens.token(user, "SHOPPER"))
                        .statusCode())
                .isEqualTo(403);
    }

    @Test
    void rejectsAnInvalidCronAsProblemDetailsWithTheField() throws Exception {
        HttpResponse<String> refused =
                call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{\"cron\":\"every minute\"}", admin());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"errors\":[{\"field\":\"cron\"");
    }

    @Test
    void rejectsAMissingCronWithItsField() throws Exception {
        HttpResponse<String> refused = call("PUT", "/api/v1/ops/jobs/ingest-jd/schedule", "{}", admin());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"cron\"");
    }

    @Test
    void answers404ProblemForAnUnknownJobOrExecution() throws Exception {
        assertThat(call("PUT", "/api/v1/ops/jobs/nope/schedule", "{\"cron\":\"0 0 * * * ?\"}", admin())
                        .statusCode())
                .isEqualTo(404);
        HttpResponse<String> missing = call("GET", "/api/v1/ops/executions/999999", null, operator());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("\"status\":404");
    }

    @Test
    void rejectsInvalidPagingAndStatusFilters() throws Exception {
        HttpResponse<String> refused = call("GET", "/api/v1/ops/executions?status=BOGUS&size=0", null, operator());

        assertThat(refused.statusCode()).isEqualTo(400);
        HttpResponse<String> quarantine = call("GET", "/api/v1/ops/quarantine?size=1000", null, operator());
        assertThat(quarantine.statusCode()).isEqualTo(400);
        assertThat(quarantine.body()).contains("\"field\":\"size\"");
    }

    @Test
    void listsQuarantineAndUnmappedCategoriesAsPages() throws Exception {
        assertThat(call("GET", "/api/v1/ops/quarantine?marketplace=taobao", null, operator())
                        .body())
                .contains("\"items\":[]", "\"total\":0");
        assertThat(call("GET", "/api/v1/ops/categories/unmapped", null, operator())
                        .statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
