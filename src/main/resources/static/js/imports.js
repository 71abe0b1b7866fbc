// The import page's progress bar: reads the import's status every second while it runs and shows
// rows, rows per second and the time left; when the import ends the page is loaded again with its
// summary. Without this file the page shows the progress as of its loading, with a link to refresh.
document.addEventListener("DOMContentLoaded", () => {
  const box = document.getElementById("import-progress");
  if (!box || box.dataset.state !== "RUNNING") {
    return;
  }
  const bar = box.querySelector("progress");
  const text = box.querySelector("[data-progress-text]");
  const counts = document.querySelectorAll("[data-count]");

  const duration = (seconds) => {
    if (seconds === null || seconds === undefined) {
      return "";
    }
    if (seconds < 60) {
      return ", about " + seconds + " s left";
    }
    return ", about " + Math.ceil(seconds / 60) + " min left";
  };

  const show = (s) => {
    if (s.rows) {
      bar.max = s.rows;
    }
    bar.value = s.processed;
    text.textContent = s.processed + " of " + (s.rows === null || s.rows === undefined ? "?" : s.rows) + " rows, "
      + Math.round(s.rowsPerSecond) + " rows/s" + duration(s.secondsLeft);
    counts.forEach((dd) => { dd.textContent = String(s[dd.dataset.count]); });
  };

  const poll = () => {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then((response) => response.ok ? response.json() : Promise.reject(response.status))
      .then((s) => {
        show(s);
        if (s.state === "RUNNING") {
          setTimeout(poll, 1000);
        } else {
          window.location.reload();
        }
      })
      .catch(() => setTimeout(poll, 5000));
  };
  setTimeout(poll, 500);
});
