package org.smartketing.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the statements that write (INSERT, UPDATE, DELETE, MERGE) which the calling thread sends
 * while it runs some work: the test's data source hands out connections that note them. MockMvc
 * runs a request on the test's thread, so {@code during(() -> mvc.perform(get(...)))} is every
 * write that request made, whatever the background jobs do meanwhile — except the session's own
 * rows, which Spring Session writes for any signed-in request.
 */
public final class WriteStatements implements BeanPostProcessor {

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    private static final ThreadLocal<List<String>> NOTED = new ThreadLocal<>();

    /** The writing statements the work sent, in order. */
    public static List<String> during(Work work) throws Exception {
        List<String> noted = new ArrayList<>();
        NOTED.set(noted);
        try {
            work.run();
        }
        finally {
            NOTED.remove();
        }
        return noted;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource ds && !(bean instanceof Noting) ? new Noting(ds) : bean;
    }

    static final class Noting extends DelegatingDataSource {

        Noting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return noting(super.getConnection(), Connection.class);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return noting(super.getConnection(username, password), Connection.class);
        }
    }

    private static <T> T noting(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null && args.length > 0 && args[0] instanceof String sql
                    && (method.getName().startsWith("prepare") || method.getName().startsWith("execute")
                            || method.getName().equals("addBatch"))) {
                note(sql);
            }
            try {
                Object result = method.invoke(target, args);
                if (result instanceof Statement s && method.getName().equals("createStatement")) {
                    return noting(s, Statement.class);
                }
                return result;
            }
            catch (InvocationTargetException ex) {
                throw ex.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(WriteStatements.class.getClassLoader(), new Class<?>[] { type }, handler));
    }

    /** The signed-in session itself (Spring Session keeps it in the database), not what the request read. */
    private static boolean sessionBookkeeping(String sql) {
        return sql.toUpperCase(Locale.ROOT).matches("(?s)\\s*(INSERT INTO|UPDATE|DELETE FROM)\\s+SPRING_SESSION.*");
    }

    private static void note(String sql) {
        List<String> noted = NOTED.get();
        String verb = sql.stripLeading().split("\\s", 2)[0].toUpperCase(Locale.ROOT);
        if (noted != null && List.of("INSERT", "UPDATE", "DELETE", "MERGE").contains(verb) && !sessionBookkeeping(sql)) {
            noted.add(sql);
        }
    }
}
