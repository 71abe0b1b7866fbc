package org.smartketing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.smartketing.shared.OwnsTables;

/**
 * Which part owns which table (the {@link OwnsTables} on the parts' {@code package-info.java}) and
 * which tables a piece of SQL names. A part is a top-level package under {@code org.smartketing}, or
 * a package below one that declares its own tables ({@code shared.jobs}, {@code shared.events}).
 * Java code belongs to the deepest part containing it; a migration {@code V<n>__<part>_<what>.sql}
 * to the top-level part it names, and may name the tables of that part and of the parts below it.
 */
final class TableOwnership {

    static final Path SOURCES = Path.of("src/main/java/org/smartketing");
    static final List<Path> MIGRATIONS = List.of(Path.of("src/main/resources/db/migration"),
            Path.of("src/main/resources/db/vendor"));

    /** Where a part's SQL names a table of another part. */
    record Crossing(String where, String part, String table, String owner) {
        @Override
        public String toString() {
            return where + " (" + part + ") names " + table + " (owned by " + owner + ")";
        }
    }

    private static final String IDENTIFIER = "\"?(?:[A-Za-z_][A-Za-z0-9_]*\"?\\.)?\"?([A-Za-z_][A-Za-z0-9_]*)\"?";
    /** A table follows these words: FROM, JOIN, INTO, UPDATE, [CREATE|ALTER|DROP|TRUNCATE] TABLE, REFERENCES, ON (an index), USING. */
    private static final Pattern TABLE_POSITION = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|REFERENCES|ON|USING"
            + "|TABLE(?:\\s+IF\\s+(?:NOT\\s+)?EXISTS)?)\\s+(?:ONLY\\s+)?" + IDENTIFIER);
    /** {@code FROM a x, b y}: the tables after the first one in a comma-separated FROM list. */
    private static final Pattern FROM_LIST = Pattern.compile(
            "(?is)\\bFROM\\s+([^();]*?)(?=\\b(?:WHERE|JOIN|LEFT|RIGHT|INNER|FULL|CROSS|GROUP|ORDER|LIMIT|FETCH|OFFSET"
                    + "|UNION|FOR|ON|SET|RETURNING)\\b|[();]|$)");
    private static final Pattern CREATED_TABLE = Pattern.compile(
            "(?i)\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?" + IDENTIFIER);
    private static final Pattern MIGRATION_NAME = Pattern.compile("V\\d+__([a-z]+)_.*\\.sql");

    private final Map<String, Set<String>> tablesByPart;
    private final Map<String, String> ownerByTable = new LinkedHashMap<>();

    private TableOwnership(Map<String, Set<String>> tablesByPart) {
        this.tablesByPart = tablesByPart;
        tablesByPart.forEach((part, tables) -> tables.forEach(t -> ownerByTable.putIfAbsent(t, part)));
    }

    /** The ownership the parts declare today. */
    static TableOwnership declared() {
        Map<String, Set<String>> parts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.getFileName().toString().equals("package-info.java")).sorted().forEach(f -> {
                String part = SOURCES.relativize(f.getParent()).toString().replace('/', '.');
                Optional<String[]> owned = ownsTables(part);
                if (!part.contains(".") || owned.isPresent()) {
                    parts.put(part, new LinkedHashSet<>(List.of(owned.orElse(new String[0]))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TableOwnership(parts);
    }

    /** Ownership as given, for showing the checker on planted SQL. */
    static TableOwnership of(Map<String, Set<String>> tablesByPart) {
        return new TableOwnership(tablesByPart);
    }

    private static Optional<String[]> ownsTables(String part) {
        try {
            OwnsTables owns = Class.forName("org.smartketing." + part + ".package-info").getAnnotation(OwnsTables.class);
            return Optional.ofNullable(owns).map(OwnsTables::value);
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    Map<String, Set<String>> tablesByPart() {
        return tablesByPart;
    }

    /** Tables declared by more than one part. */
    Set<String> claimedTwice() {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> twice = new LinkedHashSet<>();
        tablesByPart.values().forEach(ts -> ts.forEach(t -> {
            if (!seen.add(t)) {
                twice.add(t);
            }
        }));
        return twice;
    }

    Optional<String> owner(String table) {
        return Optional.ofNullable(ownerByTable.get(table.toLowerCase(Locale.ROOT)));
    }

    /** The part a main source file belongs to: the deepest part containing it; the root package owns nothing. */
    String partOfSource(Path file) {
        String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
        return tablesByPart.keySet().stream().filter(p -> pkg.equals(p) || pkg.startsWith(p + "."))
                .max(Comparator.comparingInt(String::length))
                .orElse("(application)");
    }

    /** The top-level part a migration's name gives, e.g. {@code V8__funnel_sla.sql} → funnel. */
    static String partOfMigration(Path file) {
        Matcher m = MIGRATION_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException(file + " is not named V<n>__<part>_<what>.sql");
        }
        return m.group(1);
    }

    /** The other parts' tables that Java code of {@code part} names in its string literals. */
    List<Crossing> crossingsInJava(String where, String part, String javaSource) {
        List<Crossing> found = new ArrayList<>();
        for (String literal : stringLiterals(javaSource)) {
            found.addAll(crossings(where, part, literal, p -> p.equals(part)));
        }
        return found;
    }

    /** The other parts' tables that a migration of top-level {@code part} names. */
    List<Crossing> crossingsInMigration(String where, String part, String sql) {
        return crossings(where, part, withoutSqlComments(sql), p -> p.equals(part) || p.startsWith(part + "."));
    }

    private List<Crossing> crossings(String where, String part, String sql, java.util.function.Predicate<String> own) {
        List<Crossing> found = new ArrayList<>();
        for (String table : tablesNamed(sql)) {
            owner(table).filter(o -> !own.test(o)).ifPresent(o -> found.add(new Crossing(where, part, table, o)));
        }
        return found;
    }

    /** Every identifier that stands where SQL names a table, lower case. */
    static Set<String> tablesNamed(String sql) {
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = TABLE_POSITION.matcher(sql);
        while (m.find()) {
            tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher list = FROM_LIST.matcher(sql);
        while (list.find()) {
            String[] items = list.group(1).split(",");
            for (int i = 1; i < items.length; i++) {
                Matcher first = Pattern.compile("^\\s*" + IDENTIFIER).matcher(items[i]);
                if (first.find()) {
                    tables.add(first.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** The tables a migration creates. */
    static Set<String> tablesCreated(String sql) {
        Set<String> tables = new LinkedHashSet<>();
        Matcher m = CREATED_TABLE.matcher(withoutSqlComments(sql));
        while (m.find()) {
            tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    static String withoutSqlComments(String sql) {
        return sql.replaceAll("(?m)--.*$", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
    }

    /**
     * The string literals and text blocks of a Java source, each run joined by {@code +} read as one
     * (so {@code "SELECT … FROM " + "person"} is one piece of SQL); comments and char literals skipped.
     */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        StringBuilder run = null;
        boolean joinNext = false;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = lineEnd(source, i);
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(source, i, '\'');
            } else if (c == '"') {
                int end;
                String text;
                if (source.startsWith("\"\"\"", i)) {
                    end = source.indexOf("\"\"\"", i + 3);
                    while (end > 0 && source.charAt(end - 1) == '\\') {
                        end = source.indexOf("\"\"\"", end + 1);
                    }
                    end = end < 0 ? n : end + 3;
                    text = source.substring(i + 3, Math.max(i + 3, end - 3));
                } else {
                    end = skipQuoted(source, i, '"');
                    text = source.substring(i + 1, Math.max(i + 1, end - 1));
                }
                if (joinNext && run != null) {
                    run.append(text);
                } else {
                    if (run != null) {
                        literals.add(run.toString());
                    }
                    run = new StringBuilder(text);
                }
                joinNext = false;
                i = end;
                int next = skipSpace(source, i);
                if (next < n && source.charAt(next) == '+') {
                    int after = skipSpace(source, next + 1);
                    joinNext = after < n && source.charAt(after) == '"';
                    if (!joinNext) {
                        run.append(' ');
                    }
                }
            } else {
                i++;
            }
        }
        if (run != null) {
            literals.add(run.toString());
        }
        return literals;
    }

    private static int lineEnd(String s, int i) {
        int end = s.indexOf('\n', i);
        return end < 0 ? s.length() : end + 1;
    }

    private static int skipQuoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length() && s.charAt(i) != quote && s.charAt(i) != '\n') {
            i += s.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, s.length());
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The cross-part table names in all main Java sources and migrations, as found today. */
    List<Crossing> crossingsToday() {
        List<Crossing> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(crossingsInJava(SOURCES.relativize(f).toString(), partOfSource(f), Files.readString(f)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : migrations()) {
            found.addAll(crossingsInMigration(f.getFileName().toString(), partOfMigration(f), read(f)));
        }
        return found;
    }

    static List<Path> migrations() {
        List<Path> all = new ArrayList<>();
        for (Path dir : MIGRATIONS) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(p -> p.toString().endsWith(".sql")).sorted().forEach(all::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
