// The dashboard's charts: ECharts draws each element marked data-chart from the JSON the server put
// there. Every chart has its figures as a table too, so nothing is lost without this file.
document.addEventListener("DOMContentLoaded", () => {
  if (typeof echarts === "undefined") {
    return;
  }
  const charts = [];
  document.querySelectorAll("[data-chart]").forEach((element) => {
    let data;
    try {
      data = JSON.parse(element.dataset.chart);
    } catch (e) {
      return;
    }
    if (!data.categories || data.categories.length === 0) {
      element.hidden = true;
      return;
    }
    const chart = echarts.init(element, null, { renderer: "canvas" });
    chart.setOption(option(data));
    charts.push(chart);
  });
  window.addEventListener("resize", () => charts.forEach((c) => c.resize()));
});

function formatter(data) {
  const locale = data.locale || undefined;
  if (data.kind === "PERCENT") {
    const f = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
    return (v) => (v === null || v === undefined ? "" : f.format(v));
  }
  const f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const unit = data.kind === "HOURS" ? " h" : data.kind === "DAYS" ? " d" : "";
  return (v) => (v === null || v === undefined ? "" : f.format(v) + unit);
}

function option(data) {
  const format = formatter(data);
  // Tooltips drawn on the canvas: an HTML tooltip would need inline styles, which the CSP forbids.
  const tooltip = { trigger: data.type === "funnel" ? "item" : "axis", renderMode: "richText", valueFormatter: format };
  if (data.type === "funnel") {
    const series = data.series[0] || { name: "", values: [] };
    return {
      animation: false,
      tooltip,
      series: [{
        type: "funnel", name: series.name, sort: "none", left: "5%", width: "90%",
        label: { formatter: (p) => p.name + ": " + format(p.value) },
        data: data.categories.map((c, i) => ({ name: c, value: series.values[i] })),
      }],
    };
  }
  return {
    animation: false,
    tooltip,
    legend: data.series.length > 1 ? { top: 0, type: "scroll" } : undefined,
    grid: { left: 8, right: 16, top: data.series.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: data.categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: "value", axisLabel: { formatter: format } },
    series: data.series.map((s) => ({
      name: s.name, type: data.type === "line" ? "line" : "bar", data: s.values, connectNulls: false,
      showSymbol: true, barMaxWidth: 48,
    })),
  };
}
