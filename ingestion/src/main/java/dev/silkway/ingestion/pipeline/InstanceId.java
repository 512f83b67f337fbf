package dev.silkway.ingestion.pipeline;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** This ingestion instance's name in {@code ingestion_fetch_runs.instance_id}: host, PID and a random suffix. */
@Component
public class InstanceId {

    private final String value;

    InstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown";
        }
        value = host + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String value() {
        return value;
    }
}
