package dev.silkway.storefront.order;

import jakarta.servlet.Filter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the database round trips of each HTTP request: every statement executed and every commit or
 * rollback on the request's thread, from the first filter (the access token's account check included) to
 * the response. PgJDBC sends a transaction's BEGIN with its first statement, so these are the round trips.
 * Work on other threads (the outbox relay, the jobs) is not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class RoundTripCounting {

    /** One request and the round trips it made. */
    record Request(String method, String path, int roundTrips) {}

    static final Queue<Request> REQUESTS = new ConcurrentLinkedQueue<>();

    private static final ThreadLocal<int[]> COUNTER = new ThreadLocal<>();

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof DelegatingDataSource)
                        ? new Counting(dataSource)
                        : bean;
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> roundTripsPerRequest() {
        Filter filter = (request, response, chain) -> {
            int[] count = new int[1];
            COUNTER.set(count);
            try {
                chain.doFilter(request, response);
            } finally {
                COUNTER.remove();
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                REQUESTS.add(new Request(http.getMethod(), http.getRequestURI(), count[0]));
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void count() {
        int[] count = COUNTER.get();
        if (count != null) {
            count[0]++;
        }
    }

    private static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counted(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counted(super.getConnection(username, password));
        }

        private static Connection counted(Connection connection) {
            return (Connection) Proxy.newProxyInstance(
                    RoundTripCounting.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        String name = method.getName();
                        if (name.equals("commit") || name.equals("rollback")) {
                            count();
                        }
                        Object result = invoke(connection, method, args);
                        if (result instanceof Statement statement
                                && (name.startsWith("prepare") || name.equals("createStatement"))) {
                            return counted(statement);
                        }
                        return result;
                    });
        }

        private static Object counted(Statement statement) {
            Class<?> type = statement instanceof CallableStatement
                    ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(
                    RoundTripCounting.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                        if (method.getName().startsWith("execute")) {
                            count();
                        }
                        return invoke(statement, method, args);
                    });
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
