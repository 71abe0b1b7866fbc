// Progressive touches only; every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  // A time zone select marked data-detect-zone starts at the browser's own zone when it is on offer.
  document.querySelectorAll("select[data-detect-zone]").forEach((select) => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (select.value === "UTC" && [...select.options].some((o) => o.value === zone)) {
      select.value = zone;
    }
  });

  // Pipeline board: dropping a card on a column sends the card's own "Move" form with that stage
  // (htmx sends it without a reload when it is there; the form posts as usual when it is not).
  // Listeners sit on the document so cards swapped in by htmx take part too.
  let dragged = null;
  document.addEventListener("dragstart", (event) => {
    dragged = event.target.closest && event.target.closest(".board .card[draggable]");
  });
  const columnOf = (event) => event.target.closest && event.target.closest(".board .column");
  document.addEventListener("dragover", (event) => {
    const column = columnOf(event);
    if (column && dragged && canMove(dragged, column.dataset.stage)) {
      event.preventDefault();
      column.classList.add("drop-target");
    }
  });
  document.addEventListener("dragleave", (event) => {
    const column = columnOf(event);
    if (column) {
      column.classList.remove("drop-target");
    }
  });
  document.addEventListener("drop", (event) => {
    const column = columnOf(event);
    if (!column || !dragged) {
      return;
    }
    event.preventDefault();
    column.classList.remove("drop-target");
    const form = dragged.querySelector("form.card-move");
    if (form && canMove(dragged, column.dataset.stage)) {
      form.querySelector("select[name=to]").value = column.dataset.stage;
      form.requestSubmit();
    }
    dragged = null;
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

// A board move that asks for more (a reason, the deal's amount) opens its form as a page, not in place.
document.addEventListener("htmx:confirm", (event) => {
  const form = event.target;
  if (form.matches && form.matches("form.card-move")) {
    const chosen = form.querySelector("select[name=to]").selectedOptions[0];
    if (chosen && chosen.dataset.asks) {
      event.preventDefault();
      form.submit();
    }
  }
});

// A board move refused in place (someone moved the lead meanwhile) is sent again as a page, which says why.
document.addEventListener("htmx:responseError", (event) => {
  const form = event.detail.elt;
  if (form.matches && form.matches("form.card-move")) {
    form.submit();
  }
});
