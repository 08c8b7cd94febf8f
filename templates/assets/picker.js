// The comparison picker: two selects and a button that open the pair's page.
// Without JavaScript the form stays hidden and the code lists below work as
// plain links (each code page lists every comparison it appears in).
"use strict";
document.querySelectorAll("form.compare-picker").forEach((form) => {
  const fallback = form.parentElement.querySelector(".picker-fallback");
  form.hidden = false;
  if (fallback) fallback.hidden = true;
  form.elements.b.selectedIndex = Math.min(1, form.elements.b.options.length - 1);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const message = form.querySelector("output");
    let a = form.elements.a.value;
    let b = form.elements.b.value;
    if (a === b) {
      message.textContent = message.dataset.same;
      return;
    }
    // Values start with the three-digit code: the lower code comes first.
    if (b < a) [a, b] = [b, a];
    window.location.href = form.dataset.base + a + "-vs-" + b + "/";
  });
});
