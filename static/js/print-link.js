/* "In trang" links: without JavaScript they open the print view (?in=1); with it, the print dialog. */
(function () {
  "use strict";
  var links = document.querySelectorAll("[data-print-link]");
  Array.prototype.forEach.call(links, function (link) {
    link.addEventListener("click", function (event) {
      if (typeof window.print !== "function") { return; }
      event.preventDefault();
      window.print();
    });
  });
})();
