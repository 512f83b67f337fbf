package dev.silkway.platform.kafka;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Up when the Kafka cluster answers a describe-cluster request: shows the cluster id, the controller
 * and the number of brokers. Boot 4 has no Kafka health indicator of its own.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final Admin admin;
    private final int timeoutMillis;

    KafkaHealthIndicator(Admin admin, int timeoutMillis) {
        super("Kafka health check failed");
        this.admin = admin;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis));
        Collection<Node> nodes = cluster.nodes().get(timeoutMillis, TimeUnit.MILLISECONDS);
        Node controller = cluster.controller().get(timeoutMillis, TimeUnit.MILLISECONDS);
        builder.up()
                .withDetail("clusterId", cluster.clusterId().get(timeoutMillis, TimeUnit.MILLISECONDS))
                .withDetail("brokers", nodes.size())
                .withDetail("controller", controller == null ? "none" : controller.host() + ":" + controller.port());
    }
}
