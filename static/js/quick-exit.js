/* Quick exit: leave for a neutral site at once, replacing this page in the history.
   The button is a plain link, so it works without JavaScript too. */
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var target = link.getAttribute("data-quick-exit-url") || link.getAttribute("href");

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.documentElement.classList.add("leaving");
    try { sessionStorage.clear(); } catch (e) { /* storage may be unavailable */ }
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(event); }
  });
})();
