// The book's MathJax settings, after the ones Doxygen writes (docs/Doxyfile.in):
// no "Loading…" box over the page, and a long display broken to fit a narrow
// window instead of making the page scroll sideways.
MathJax.Hub.Config({
  messageStyle: "none",
  SVG: { linebreaks: { automatic: true, width: "container" } }
});
