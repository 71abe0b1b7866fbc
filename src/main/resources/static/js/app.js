// Progressive touches only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // A time zone select marked data-detect-zone starts at the browser's own zone when it is on offer.
  document.querySelectorAll("select[data-detect-zone]").forEach((select) => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select.value === "UTC" && [...select.options].some((o) => o.value === zone)) {
      select.value = zone;
    }
  });
});
