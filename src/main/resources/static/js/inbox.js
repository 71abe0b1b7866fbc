// Keeps the inbox's unread count in the menu live through server-sent events; the browser
// reconnects by itself when the stream drops. Pages work without it (the count shows on /inbox).
document.addEventListener("DOMContentLoaded", () => {
  const badge = document.querySelector("[data-unread-count]");
  if (!badge || !window.EventSource) {
    return;
  }
  const source = new EventSource(badge.dataset.unreadCount);
  source.addEventListener("unread", (event) => {
    const count = Number(event.data);
    badge.textContent = count > 0 ? String(count) : "";
    badge.hidden = count === 0;
    badge.setAttribute("aria-label", count === 1 ? "1 unread" : count + " unread");
  });
});
