/* "Citer cette page": save the BibTeX, RIS or CSL-JSON shown on the page as a file; a fact's
 * "citer" link shows that fact's citation (page citation + #id). Text only (textContent). */
(function () {
  "use strict";
  function save(pre) {
    var blob = new Blob([pre.textContent], {type: (pre.dataset.mime || "text/plain") + ";charset=utf-8"});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = pre.dataset.filename || "citation.txt";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function factCitation(link) {
    var permalink = document.querySelector(".atlas-permalink");
    var version = document.querySelector(".atlas-version");
    var title = document.querySelector("h1");
    if (!permalink) return;
    var box = document.getElementById("atlas-fact-citation");
    if (!box) {
      box = document.createElement("p");
      box.id = "atlas-fact-citation";
      box.className = "atlas-fact-citation";
      box.setAttribute("role", "status");
    }
    box.textContent = "Citer ce fait : Atlas de la coopération du Bélarus, « " + (title ? title.textContent.trim() : "") +
      " », fait " + link.id + ", " + permalink.textContent.trim() + "#" + link.id +
      ", version des données : " + (version ? version.textContent.trim() : "") + ".";
    var row = link.closest("tr, li, p") || link;
    var table = link.closest("table");
    (table || row).insertAdjacentElement("afterend", box);
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".atlas-cite-save"), function (button) {
      var pre = button.previousElementSibling;
      if (!pre || pre.tagName !== "PRE") return;
      button.hidden = false;
      button.addEventListener("click", function () { save(pre); });
    });
    document.addEventListener("click", function (ev) {
      var link = ev.target.closest && ev.target.closest("a.atlas-cite-fact");
      if (link) factCitation(link);
    });
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("atlas-cite-fact")) factCitation(target);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
