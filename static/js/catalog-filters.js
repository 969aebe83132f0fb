/* Catalog filters: on phones, fold the filter form when no filter is chosen, so results come first.
   Without JavaScript the form simply stays open. */
(function () {
  "use strict";
  var details = document.querySelector(".filters__details");
  if (!details || details.hasAttribute("data-active")) { return; }
  if (window.matchMedia && window.matchMedia("(max-width: 899px)").matches) {
    details.removeAttribute("open");
  }
})();
