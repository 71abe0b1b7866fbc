// The main menu: on a phone one panel behind the "Menu" button, on a desk a drop-down per group.
// Each toggle says whether its list is open (aria-expanded); Esc closes the open one and gives the
// focus back to its toggle; a click elsewhere closes it. Without script no-script.css shows every link.

document.addEventListener("DOMContentLoaded", () => {
  const menu = document.querySelector("[data-menu]");
  const menuToggle = document.querySelector("[data-menu-toggle]");
  if (!menu || !menuToggle) {
    return;
  }
  const groups = [...menu.querySelectorAll("[data-menu-group]")];

  function setOpen(toggle, box, open) {
    toggle.setAttribute("aria-expanded", String(open));
    box.classList.toggle("open", open);
  }

  function closeGroups(except) {
    groups.forEach((group) => {
      if (group !== except) {
        setOpen(group.querySelector(".group-toggle"), group, false);
      }
    });
  }

  menuToggle.addEventListener("click", () => {
    setOpen(menuToggle, menu, menuToggle.getAttribute("aria-expanded") !== "true");
  });

  groups.forEach((group) => {
    const toggle = group.querySelector(".group-toggle");
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") !== "true";
      closeGroups(group);
      setOpen(toggle, group, open);
    });
    // Tabbing out of an open drop-down closes it, so it never hides the page behind the focus.
    group.addEventListener("focusout", (event) => {
      if (event.relatedTarget && !group.contains(event.relatedTarget)) {
        setOpen(toggle, group, false);
      }
    });
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") {
      return;
    }
    const openGroup = groups.find((g) => g.classList.contains("open"));
    if (openGroup) {
      const toggle = openGroup.querySelector(".group-toggle");
      setOpen(toggle, openGroup, false);
      if (openGroup.contains(document.activeElement) && getComputedStyle(toggle).display !== "none") {
        toggle.focus();
        return;
      }
    }
    if (menu.classList.contains("open")) {
      setOpen(menuToggle, menu, false);
      menuToggle.focus();
    }
  });

  document.addEventListener("click", (event) => {
    if (!event.target.closest(".site-nav")) {
      closeGroups(null);
      setOpen(menuToggle, menu, false);
    }
    else if (!event.target.closest("[data-menu-group]")) {
      closeGroups(null);
    }
  });
});
