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
import java.util.ArrayList;
import java.util.List;
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

    /** One request and its round trips: each statement's first words, or the commit or rollback. */
    record Request(String method, String path, List<String> trips) {

        int roundTrips() {
            return trips.size();
        }
    }

    static final Queue<Request> REQUESTS = new ConcurrentLinkedQueue<>();

    private static final ThreadLocal<List<String>> TRIPS = new ThreadLocal<>();

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
            List<String> trips = new ArrayList<>();
            TRIPS.set(trips);
            try {
                chain.doFilter(request, response);
            } finally {
                TRIPS.remove();
                var http = (jakarta.servlet.http.HttpServletRequest) request;
                REQUESTS.add(new Request(http.getMethod(), http.getRequestURI(), List.copyOf(trips)));
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static void count(String what) {
        List<String> trips = TRIPS.get();
        if (trips != null) {
            String words = what.strip().replaceAll("\\s+", " ");
            trips.add(words.substring(0, Math.min(words.length(), 60)));
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
                            count(name.toUpperCase(java.util.Locale.ROOT));
                        }
                        Object result = invoke(connection, method, args);
                        if (result instanceof Statement statement
                                && (name.startsWith("prepare") || name.equals("createStatement"))) {
                            return counted(statement, args == null || args.length == 0 ? null : (String) args[0]);
                        }
                        return result;
                    });
        }

        private static Object counted(Statement statement, String prepared) {
            Class<?> type = statement instanceof CallableStatement
                    ? CallableStatement.class
                    : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
            return Proxy.newProxyInstance(
                    RoundTripCounting.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                        if (method.getName().startsWith("execute")) {
                            count(
                                    prepared != null
                                            ? prepared
                                            : args != null && args.length > 0 ? (String) args[0] : "?");
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
