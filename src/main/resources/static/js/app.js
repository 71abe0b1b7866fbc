// Progressive touches only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // A time zone select marked data-detect-zone starts at the browser's own zone when it is on offer.
  document.querySelectorAll("select[data-detect-zone]").forEach((select) => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select.value === "UTC" && [...select.options].some((o) => o.value === zone)) {
      select.value = zone;
    }
  });

  // Pipeline board: dropping a card on a column submits the card's own "Move" form with that stage.
  let dragged = null;
  document.querySelectorAll(".board .card[draggable]").forEach((card) => {
    card.addEventListener("dragstart", () => { dragged = card; });
  });
  document.querySelectorAll(".board .column").forEach((column) => {
    column.addEventListener("dragover", (event) => {
      if (dragged && canMove(dragged, column.dataset.stage)) {
        event.preventDefault();
        column.classList.add("drop-target");
      }
    });
    column.addEventListener("dragleave", () => column.classList.remove("drop-target"));
    column.addEventListener("drop", (event) => {
      event.preventDefault();
      column.classList.remove("drop-target");
      const form = dragged && dragged.querySelector("form.card-move");
      if (form && canMove(dragged, column.dataset.stage)) {
        form.querySelector("select[name=to]").value = column.dataset.stage;
        form.submit();
      }
    });
  });

  // Lead list: the header's box picks every lead on the page; the bar says how many are picked.
  const pickAll = document.querySelector("input[data-pick-all]");
  const picks = [...document.querySelectorAll("input[data-pick]")];
  const pickedCount = document.getElementById("picked-count");
  const showPicked = () => {
    const n = picks.filter((p) => p.checked).length;
    if (pickedCount) {
      pickedCount.textContent = n === 0 ? "No lead picked yet" : n === 1 ? "1 lead picked" : n + " leads picked";
    }
    if (pickAll) {
      pickAll.checked = n > 0 && n === picks.length;
      pickAll.indeterminate = n > 0 && n < picks.length;
    }
  };
  if (pickAll) {
    pickAll.hidden = false;
    pickAll.addEventListener("change", () => {
      picks.forEach((p) => { p.checked = pickAll.checked; });
      showPicked();
    });
  }
  picks.forEach((p) => p.addEventListener("change", showPicked));
  if (picks.length) {
    showPicked();
  }

  function canMove(card, stage) {
    const select = card.querySelector("form.card-move select[name=to]");
    return select && [...select.options].some((o) => o.value === stage);
  }
});

// A button marked data-confirm asks before its form is sent (cancelling meetings and the like).
document.addEventListener("submit", (event) => {
  const button = event.submitter;
  if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
    event.preventDefault();
  }
});
