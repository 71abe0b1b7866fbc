package org.smartketing.insights.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.smartketing.insights.InsightFilter;
import org.smartketing.insights.Tile;
import org.smartketing.insights.TileKey;
import org.smartketing.insights.score.ScoreComponent;
import org.smartketing.insights.score.ScoreTexts;
import org.smartketing.insights.score.ScoreTrend;
import org.smartketing.insights.score.SmartketingScore;

import tools.jackson.databind.json.JsonMapper;

/** What the dashboard's templates show: every figure already in words and formatted for the viewer. */
final class DashboardViews {

    private DashboardViews() {
    }

    /** The filter as a query string ({@code ?from=…&to=…}), for links that keep it. */
    static String query(InsightFilter filter) {
        return query(filter.asParameters());
    }

    static String query(Map<String, String> params) {
        if (params.isEmpty()) {
            return "";
        }
        return "?" + params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A headline: its label and its value in words. */
    record Figure(String key, String label, String value) {
    }

    /** A chart's data as the script draws it, and the same as a table for screen readers. */
    record Chart(String id, String json, String caption, List<String> header, List<List<String>> rows) {

        static Chart of(String id, String caption, Tile.ChartData data, Tile.Kind kind, TileFormat format, JsonMapper json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", data.type());
            out.put("categories", data.categories());
            out.put("series", data.series().stream().map(s -> Map.of("name", s.name(), "values", s.values())).toList());
            out.put("kind", kind.name());
            out.put("locale", format.locale().toLanguageTag());
            List<String> header = new ArrayList<>();
            header.add("");
            data.series().forEach(s -> header.add(s.name()));
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < data.categories().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(data.categories().get(i));
                for (Tile.Series s : data.series()) {
                    row.add(format.cell(i < s.values().size() ? s.values().get(i) : null, kind));
                }
                rows.add(row);
            }
            return new Chart(id, json.writeValueAsString(out), caption, header, rows);
        }

        public boolean empty() {
            return rows.isEmpty();
        }
    }

    /** A tile on the dashboard or its own page. */
    record TileView(TileKey key, String title, Instant freshAsOf, List<Figure> headlines, Chart chart,
            List<String> notes, List<Tile.Column> columns, List<List<String>> rows, List<Boolean> numeric) {

        static TileView of(Tile tile, TileFormat format, JsonMapper json) {
            List<Figure> headlines = tile.headlines().stream()
                    .map(h -> new Figure(h.key(), h.label(), format.cell(h.value(), h.kind()))).toList();
            Chart chart = tile.chart() == null ? null
                    : Chart.of("chart-" + tile.key().path(), tile.title(), tile.chart(), chartKind(tile), format, json);
            List<List<String>> rows = tile.rows().stream().map(r -> {
                List<String> cells = new ArrayList<>(r.size());
                for (int i = 0; i < r.size(); i++) {
                    cells.add(format.cell(r.get(i), tile.columns().get(i).kind()));
                }
                return cells;
            }).toList();
            return new TileView(tile.key(), tile.title(), tile.freshAsOf(), headlines, chart, tile.notes(),
                    tile.columns(), rows, tile.columns().stream().map(c -> TileFormat.numeric(c.kind())).toList());
        }

        /** The kind of the column the chart's first series draws (by its label), else a plain count. */
        private static Tile.Kind chartKind(Tile tile) {
            if (tile.chart().series().isEmpty()) {
                return Tile.Kind.COUNT;
            }
            String name = tile.chart().series().get(0).name();
            return tile.columns().stream().filter(c -> c.label().equalsIgnoreCase(name)).map(Tile.Column::kind)
                    .findFirst().orElse(Tile.Kind.COUNT);
        }
    }

    /** A score component as a row of the score's table. */
    record ComponentRow(String key, String label, String value, String target, int weight, String weightText,
            String points, String line, boolean hasData, String rowsHref, String tileTitle) {

        static ComponentRow of(SmartketingScore.Component c, ScoreTexts texts, InsightFilter filter) {
            ScoreComponent k = c.key();
            String weight = String.valueOf(c.weight());
            if (c.hasData() && Math.abs(c.effectiveWeight() - c.weight()) >= 0.05) {
                weight += " → " + texts.number(c.effectiveWeight(), 1);
            }
            return new ComponentRow(k.key(), k.label(), texts.value(k, c.value()), texts.value(k, c.target())
                    + (k.higherIsBetter() ? " or more" : " or less"), c.weight(), weight,
                    c.hasData() ? texts.number(c.points(), 1) + " of " + texts.number(c.effectiveWeight(), 1) : "no data",
                    texts.line(c), c.hasData(), "/insights/" + k.tile().path() + query(filter), k.tile().title());
        }
    }

    /** One week of the trend. */
    record WeekRow(LocalDate weekStart, String week, String score, String change, String explanation) {
    }

    /** The score section: the score, its components, the note on shared-out weight, the trend. */
    record ScoreSection(String score, List<ComponentRow> components, String redistributed, Chart trend,
            List<WeekRow> weeks) {

        static ScoreSection of(SmartketingScore score, ScoreTrend trend, InsightFilter filter, ScoreTexts texts,
                TileFormat format, JsonMapper json) {
            List<ComponentRow> rows = score.components().stream().map(c -> ComponentRow.of(c, texts, filter)).toList();
            String note = null;
            if (score.redistributed()) {
                List<SmartketingScore.Component> missing = score.withoutData().stream().filter(c -> c.weight() > 0).toList();
                int weight = missing.stream().mapToInt(SmartketingScore.Component::weight).sum();
                note = "No data over these days for " + missing.stream().map(c -> ScoreTexts.inSentence(c.key()))
                        .collect(Collectors.joining(", ")) + ": " + (missing.size() == 1 ? "its" : "their") + " weight ("
                        + weight + " of 100) is shared out among the others in proportion to their own weights.";
            }
            DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(format.locale());
            List<WeekRow> weeks = trend.weeks().stream().map(w -> new WeekRow(w.weekStart(), day.format(w.weekStart()),
                    w.score() == null ? "no data" : texts.number(w.score(), 1),
                    w.change() == null ? "" : texts.change(w.change()), w.explanation() == null ? "" : w.explanation()))
                    .toList();
            List<Double> values = trend.weeks().stream().map(w -> w.score() == null ? null
                    : Math.round(w.score() * 10) / 10.0).toList();
            Tile.ChartData data = new Tile.ChartData("line", weeks.stream().map(WeekRow::week).toList(),
                    List.of(new Tile.Series("Smart-keting score", values)));
            Chart chart = Chart.of("chart-score-trend", "Smart-keting score by week", data, Tile.Kind.COUNT, format, json);
            return new ScoreSection(score.score() == null ? "no data" : texts.number(score.score(), 1), rows, note,
                    chart, weeks);
        }
    }
}
